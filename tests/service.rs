//! The service, started in-process on an ephemeral loopback port and called as clients do.

mod common;

use std::time::Duration;

use common::*;
use noticeguard::service::ServiceConfig;
use noticeguard::service::pb;
use tokio_stream::StreamExt;
use tonic::Code;

#[tokio::test]
async fn scan_masks_and_reports() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut client = server.client().await;
    let response = client.scan(request("n1", NOTICE)).await.unwrap().into_inner();
    assert_eq!(response.document_id, "n1");
    assert!(
        response.masked_text.contains("11*************02X")
            && response.masked_text.contains("138****5678")
    );
    assert!(!response.masked_text.contains("13812345678"));
    assert!(response.masked_text.contains("0797-8225678"), "public number stays");
    let kinds: Vec<i32> = response.findings.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            pb::PiiKind::IdCard,
            pb::PiiKind::MobilePhone,
            pb::PiiKind::BankCard,
            pb::PiiKind::Landline
        ]
        .map(i32::from)
    );
    let id = &response.findings[0];
    assert_eq!(id.status, pb::FindingStatus::Leaked as i32);
    let span = id.span.unwrap();
    assert_eq!(
        &NOTICE.chars().skip(span.start as usize).take(18).collect::<String>(),
        "11010519491231002X"
    );
    assert_eq!(span.byte_end - span.byte_start, 18);
    let risk = response.risk.unwrap();
    assert_eq!((risk.level, risk.leaks), (pb::Severity::Critical as i32, 3));
    server.stop().await.unwrap();
}

#[tokio::test]
async fn html_is_reduced_to_text_and_offsets_refer_to_it() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut client = server.client().await;
    let html = "<html><body><table><tr><th>姓名</th><th>电话</th></tr><tr><td>张某</td><td>13812345678</td></tr></table></body></html>";
    let mut req = request("h", "");
    req.document.as_mut().unwrap().content = Some(pb::document::Content::Html(html.into()));
    let response = client.scan(req).await.unwrap().into_inner();
    assert_eq!(response.masked_text, "姓名\t电话\n张某\t138****5678");
    // The header labels the cells: 张某 is a name, already masked (某 hides the given name).
    let name = &response.findings[0];
    assert_eq!(
        (name.kind, name.status),
        (pb::PiiKind::PersonName as i32, pb::FindingStatus::AlreadyMasked as i32)
    );
    let span = response.findings[1].span.unwrap();
    // 姓 名 \t 电 话 \n 张 某 \t → the number starts at scalar 9.
    assert_eq!((span.start, span.end), (9, 20));
    server.stop().await.unwrap();
}

#[tokio::test]
async fn scan_stream_answers_1000_documents_in_order() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut client = server.client().await;
    let requests = (0..1000).map(|i| {
        let mut r = request(&format!("doc-{i}"), &format!("第{i}号：手机13812345{:03}", i % 1000));
        if i % 250 == 7 {
            r.profile = "no-such-profile".into(); // fails alone, the stream goes on
        }
        r
    });
    let mut responses =
        client.scan_stream(tokio_stream::iter(requests)).await.unwrap().into_inner();
    let mut n = 0;
    while let Some(response) = responses.next().await {
        let response = response.unwrap();
        assert_eq!(response.document_id, format!("doc-{n}"));
        if n % 250 == 7 {
            let err = response.error.expect("unknown profile is a per-document error");
            assert_eq!(err.code, Code::InvalidArgument as i32);
        } else {
            assert!(response.error.is_none(), "doc-{n}: {:?}", response.error);
            assert!(response.masked_text.ends_with(&format!("138****5{:03}", n % 1000)));
        }
        n += 1;
    }
    assert_eq!(n, 1000);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn client_cancelling_mid_stream_leaves_the_server_healthy() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut client = server.client().await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut responses = client
        .scan_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .unwrap()
        .into_inner();
    for i in 0..3 {
        tx.send(request(&format!("c{i}"), NOTICE)).await.unwrap();
    }
    let first = responses.next().await.unwrap().unwrap();
    assert_eq!(first.document_id, "c0");
    drop(responses);
    drop(tx);
    drop(client);
    // The server still answers new calls.
    let mut client = server.client().await;
    let again = client.scan(request("after", NOTICE)).await.unwrap().into_inner();
    assert_eq!(again.document_id, "after");
    server.stop().await.unwrap();
}

#[tokio::test]
async fn health_and_reflection() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut health = tonic_health::pb::health_client::HealthClient::new(server.channel().await);
    for service in ["", "noticeguard.v1.NoticeGuard"] {
        let status = health
            .check(tonic_health::pb::HealthCheckRequest { service: service.into() })
            .await
            .unwrap()
            .into_inner()
            .status;
        assert_eq!(
            status,
            tonic_health::pb::health_check_response::ServingStatus::Serving as i32,
            "{service:?}"
        );
    }

    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    let mut reflection = ServerReflectionClient::new(server.channel().await);
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut stream = reflection
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .unwrap()
        .into_inner();
    let Some(MessageResponse::ListServicesResponse(list)) =
        stream.next().await.unwrap().unwrap().message_response
    else {
        panic!("expected a service list");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for expected in ["noticeguard.v1.NoticeGuard", "grpc.health.v1.Health"] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
    }

    // Older clients (grpcurl < 1.9) speak v1alpha.
    use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient as V1AlphaClient;
    use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest as AlphaRequest;
    use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse as AlphaResponse;
    let mut alpha = V1AlphaClient::new(server.channel().await);
    let request = tonic_reflection::pb::v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(AlphaRequest::FileContainingSymbol(
            "noticeguard.v1.NoticeGuard".into(),
        )),
    };
    let mut stream =
        alpha.server_reflection_info(tokio_stream::iter([request])).await.unwrap().into_inner();
    let response = stream.next().await.unwrap().unwrap().message_response;
    assert!(matches!(response, Some(AlphaResponse::FileDescriptorResponse(_))), "{response:?}");
    server.stop().await.unwrap();
}

#[tokio::test]
async fn compressed_requests_are_accepted() {
    let server = TestServer::start(ServiceConfig::default()).await;
    for encoding in
        [tonic::codec::CompressionEncoding::Gzip, tonic::codec::CompressionEncoding::Zstd]
    {
        let mut client =
            server.client().await.send_compressed(encoding).accept_compressed(encoding);
        let response = client.scan(request("z", &NOTICE.repeat(20))).await.unwrap().into_inner();
        assert_eq!(response.findings.len(), 80);
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn http_json_scan_and_health() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let body = serde_json::json!({"document": {"id": "j1", "unit": "某县民政局", "region_code": "360730",
        "category": "social_assistance", "title": "公示", "text": NOTICE}, "profile": "default", "record": false});
    let (status, body) = server
        .http(
            "POST",
            "/v1/scan",
            &[("content-type", "application/json")],
            body.to_string().as_bytes(),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["document_id"], "j1");
    assert!(v["masked_text"].as_str().unwrap().contains("138****5678"));
    let f = &v["findings"][0];
    for key in [
        "kind",
        "status",
        "severity",
        "confidence",
        "start",
        "end",
        "byte_start",
        "byte_end",
        "utf16_start",
        "utf16_end",
        "masked",
        "rule",
        "explanation",
    ] {
        assert!(!f[key].is_null(), "finding lacks {key}");
    }
    assert_eq!(v["risk"]["level"], "critical");
    assert!(!body.contains("13812345678"));

    let (status, body) = server.http("GET", "/healthz", &[], b"").await;
    assert_eq!(status, 200);
    assert!(body.contains("serving"));
    server.stop().await.unwrap();
}

#[tokio::test]
async fn http_errors_are_json_with_status_codes() {
    let server = TestServer::start(ServiceConfig {
        max_message_bytes: 64 * 1024,
        ..ServiceConfig::default()
    })
    .await;
    // Invalid UTF-8 inside the JSON string.
    let mut bad = r#"{"document": {"id": "u", "text": "身份证"#.as_bytes().to_vec();
    bad.extend_from_slice(&[0xC9, 0xED, 0xFF]);
    bad.extend_from_slice(br#""}}"#);
    let (status, body) =
        server.http("POST", "/v1/scan", &[("content-type", "application/json")], &bad).await;
    assert_eq!(status, 400, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["error"]["code"], "INVALID_ARGUMENT");
    assert!(!body.contains("身份证"), "errors never echo the input: {body}");

    let cases: [(serde_json::Value, u16, &str); 4] = [
        (
            serde_json::json!({"document": {"text": "x", "html": "<p>x</p>"}}),
            400,
            "INVALID_ARGUMENT",
        ),
        (
            serde_json::json!({"document": {"text": "x", "region_code": "36-07"}}),
            400,
            "INVALID_ARGUMENT",
        ),
        (
            serde_json::json!({"document": {"text": "x"}, "profile": "nope"}),
            400,
            "INVALID_ARGUMENT",
        ),
        (
            serde_json::json!({"document": {"text": "x", "published_at": "27/11/2026"}}),
            400,
            "INVALID_ARGUMENT",
        ),
    ];
    for (request, expected_status, code) in cases {
        let (status, body) =
            server.http("POST", "/v1/scan", &[], request.to_string().as_bytes()).await;
        assert_eq!(status, expected_status, "{request}: {body}");
        assert!(body.contains(code), "{request}: {body}");
    }

    let big = serde_json::json!({"document": {"text": "字".repeat(30_000)}}).to_string();
    let (status, body) = server.http("POST", "/v1/scan", &[], big.as_bytes()).await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("RESOURCE_EXHAUSTED") && body.contains("65536"), "{body}");
    server.stop().await.unwrap();
}

#[tokio::test]
async fn grpc_errors() {
    let config = ServiceConfig {
        max_message_bytes: 64 * 1024,
        max_document_bytes: 1000,
        ..ServiceConfig::default()
    };
    let server = TestServer::start(config).await;
    let mut client = server.client().await;

    let err = client.scan(request("big", &"字".repeat(500))).await.unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted);
    assert!(
        err.message().contains("1500 bytes") && err.message().contains("1000 bytes"),
        "{}",
        err.message()
    );

    let err = client.scan(request("huge", &"a".repeat(100_000))).await.unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted, "{}", err.message());
    assert!(err.message().contains("65536 bytes"), "{}", err.message());
    // Inside a stream, the same limit ends the stream with the same code.
    let mut responses = client
        .scan_stream(tokio_stream::iter([
            request("ok", "x"),
            request("huge", &"a".repeat(100_000)),
        ]))
        .await
        .unwrap()
        .into_inner();
    assert!(responses.next().await.unwrap().is_ok());
    let err = responses.next().await.unwrap().unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted, "{}", err.message());

    let mut r = request("p", "x");
    r.profile = "nope".into();
    assert_eq!(client.scan(r).await.unwrap_err().code(), Code::InvalidArgument);

    let mut r = request("r", "x");
    r.document.as_mut().unwrap().region_code = "3607x".into();
    assert_eq!(client.scan(r).await.unwrap_err().code(), Code::InvalidArgument);

    assert_eq!(
        client.scan(pb::ScanRequest::default()).await.unwrap_err().code(),
        Code::InvalidArgument
    );

    let mut r = request("rec", "x");
    r.record = true;
    assert!(
        client.scan(r).await.unwrap().into_inner().recorded,
        "record stores into the default SQLite file"
    );
    server.stop().await.unwrap();
}

/// A document whose text is not UTF-8 on the wire: the protobuf message is built by hand.
#[tokio::test]
async fn grpc_invalid_utf8_is_invalid_argument() {
    #[derive(Clone, PartialEq, prost::Message)]
    struct RawDocument {
        #[prost(bytes = "vec", tag = "6")]
        text: Vec<u8>,
    }
    #[derive(Clone, PartialEq, prost::Message)]
    struct RawRequest {
        #[prost(message, optional, tag = "1")]
        document: Option<RawDocument>,
    }
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    grpc.ready().await.unwrap();
    let request = RawRequest { document: Some(RawDocument { text: vec![0xC9, 0xED, 0xFF, 0x31] }) };
    let path = http::uri::PathAndQuery::from_static("/noticeguard.v1.NoticeGuard/Scan");
    let codec: tonic_prost::ProstCodec<RawRequest, pb::ScanResponse> =
        tonic_prost::ProstCodec::default();
    let err = grpc.unary(tonic::Request::new(request), path, codec).await.unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument, "{}", err.message());
    server.stop().await.unwrap();
}

#[tokio::test]
async fn authentication_and_roles() {
    let server = TestServer::start(config_with_tokens()).await;
    let mut client = server.client().await;

    // No token, wrong token.
    assert_eq!(client.scan(request("a", NOTICE)).await.unwrap_err().code(), Code::Unauthenticated);
    let err = client.scan(authorized(request("a", NOTICE), "guess")).await.unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);
    assert!(!err.message().contains("guess"));
    // Wrong role: an assessor may not scan.
    assert_eq!(
        client.scan(authorized(request("a", NOTICE), ASSESSOR)).await.unwrap_err().code(),
        Code::PermissionDenied
    );
    // Publisher and admin may.
    assert!(client.scan(authorized(request("a", NOTICE), PUBLISHER)).await.is_ok());
    assert!(client.scan(authorized(request("a", NOTICE), ADMIN)).await.is_ok());
    // A caller limited to region 3607… outside it, and inside it.
    let mut outside = request("o", NOTICE);
    outside.document.as_mut().unwrap().region_code = "110105".into();
    assert_eq!(
        client.scan(authorized(outside, COUNTY_PUBLISHER)).await.unwrap_err().code(),
        Code::PermissionDenied
    );
    let mut inside = request("i", NOTICE);
    inside.document.as_mut().unwrap().region_code = "360730".into();
    assert!(client.scan(authorized(inside, COUNTY_PUBLISHER)).await.is_ok());
    // Streams are authenticated too.
    let err = client.scan_stream(tokio_stream::iter([request("s", NOTICE)])).await.unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);

    // The same over HTTP.
    let body = serde_json::json!({"document": {"text": NOTICE}}).to_string();
    let (status, _) = server.http("POST", "/v1/scan", &[], body.as_bytes()).await;
    assert_eq!(status, 401);
    let (status, _) = server
        .http(
            "POST",
            "/v1/scan",
            &[("authorization", &format!("Bearer {ASSESSOR}"))],
            body.as_bytes(),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = server
        .http(
            "POST",
            "/v1/scan",
            &[("authorization", &format!("Bearer {PUBLISHER}"))],
            body.as_bytes(),
        )
        .await;
    assert_eq!(status, 200);
    // Health needs no token.
    let (status, _) = server.http("GET", "/healthz", &[], b"").await;
    assert_eq!(status, 200);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn unauthenticated_service_refuses_non_loopback_listeners() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite://{}", dir.path().join("n.db").display());
    let open = ServiceConfig {
        listen: "0.0.0.0:0".parse().unwrap(),
        database_url: database_url.clone(),
        ..ServiceConfig::default()
    };
    let service = noticeguard::service::Service::new(open).unwrap();
    assert!(service.listen_addr().ip().is_loopback(), "no tokens: loopback only");
    let guarded = ServiceConfig {
        listen: "0.0.0.0:0".parse().unwrap(),
        database_url,
        ..config_with_tokens()
    };
    let with_tokens = noticeguard::service::Service::new(guarded).unwrap();
    assert!(!with_tokens.listen_addr().ip().is_loopback());
}

#[tokio::test]
async fn shutdown_finishes_requests_in_flight() {
    let mut server = TestServer::start(ServiceConfig::default()).await;
    let mut client = server.client().await;
    // A stream that is open when shutdown is signalled: its next request is still answered.
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut responses = client
        .scan_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .unwrap()
        .into_inner();
    tx.send(request("before", NOTICE)).await.unwrap();
    assert_eq!(responses.next().await.unwrap().unwrap().document_id, "before");
    // And a large unary call in flight at the same moment.
    let mut unary = server.client().await.max_decoding_message_size(64 * 1024 * 1024);
    let text = NOTICE.repeat(5_000);
    let call = tokio::spawn(async move { unary.scan(request("slow", &text)).await });
    tokio::time::sleep(Duration::from_millis(20)).await;

    server.signal_shutdown();
    tx.send(request("after", NOTICE)).await.unwrap();
    assert_eq!(responses.next().await.unwrap().unwrap().document_id, "after");
    drop(tx);
    assert!(responses.next().await.is_none(), "stream ends cleanly");
    let response = call.await.unwrap().expect("the in-flight unary call completes").into_inner();
    assert_eq!(response.findings.len(), 20_000);

    let handle = std::mem::replace(&mut server.handle, tokio::spawn(async { Ok(()) }));
    tokio::time::timeout(Duration::from_secs(10), handle)
        .await
        .expect("server stops")
        .unwrap()
        .unwrap();
    assert!(tokio::net::TcpStream::connect(server.addr).await.is_err(), "nothing listens any more");
}

#[tokio::test]
async fn tls_when_a_certificate_is_configured() {
    use noticeguard::service::TlsConfig;
    use tonic::transport::{Certificate, Channel, ClientTlsConfig};

    let dir = tempfile::tempdir().unwrap();
    let generated = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let cert_pem = generated.cert.pem();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, &cert_pem).unwrap();
    std::fs::write(&key, generated.signing_key.serialize_pem()).unwrap();
    let server = TestServer::start(ServiceConfig {
        tls: Some(TlsConfig { cert, key }),
        ..config_with_tokens()
    })
    .await;

    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&cert_pem))
        .domain_name("localhost");
    let channel = Channel::from_shared(format!("https://{}", server.addr))
        .unwrap()
        .tls_config(tls)
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = pb::notice_guard_client::NoticeGuardClient::new(channel);
    let response =
        client.scan(authorized(request("t", NOTICE), PUBLISHER)).await.unwrap().into_inner();
    assert_eq!(response.document_id, "t");

    // A plaintext client gets nothing.
    let plain = Channel::from_shared(format!("http://{}", server.addr)).unwrap().connect().await;
    if let Ok(channel) = plain {
        let mut client = pb::notice_guard_client::NoticeGuardClient::new(channel);
        assert!(client.scan(authorized(request("p", NOTICE), PUBLISHER)).await.is_err());
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn client_deadlines_are_honoured() {
    let server = TestServer::start(ServiceConfig::default()).await;
    let mut client = server.client().await;
    // Only the grpc-timeout header carries the deadline; the server enforces it.
    let mut call = tonic::Request::new(request("late", &NOTICE.repeat(20_000)));
    call.set_timeout(Duration::from_millis(2));
    let err = client.scan(call).await.unwrap_err();
    // tonic answers an expired deadline with CANCELLED (DESIGN §10).
    assert!(matches!(err.code(), Code::Cancelled | Code::DeadlineExceeded), "{err:?}");
    // The server is fine afterwards.
    assert!(client.scan(request("next", NOTICE)).await.is_ok());
    server.stop().await.unwrap();
}

async fn store_health(server: &TestServer) -> i32 {
    let mut health = tonic_health::pb::health_client::HealthClient::new(server.channel().await);
    let request =
        tonic_health::pb::HealthCheckRequest { service: noticeguard::service::STORE_HEALTH.into() };
    health.check(request).await.map_or(-1, |r| r.into_inner().status)
}

#[tokio::test]
async fn store_down_scans_go_on_and_recording_is_unavailable() {
    let config = ServiceConfig {
        database_url: "postgres://nobody@127.0.0.1:1/none".into(),
        ..ServiceConfig::default()
    };
    // PostgreSQL needs a named key file.
    let key = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(key.path(), "0123456789abcdef0123456789abcdef").unwrap();
    let server = TestServer::start(ServiceConfig {
        fingerprint_key_file: Some(key.path().into()),
        ..config
    })
    .await;
    let mut client = server.client().await;
    let mut dry = request("dry", NOTICE);
    dry.record = false;
    assert!(!client.scan(dry).await.unwrap().into_inner().recorded);
    let mut recorded = request("rec", NOTICE);
    recorded.record = true;
    let err = client.scan(recorded).await.unwrap_err();
    assert_eq!(err.code(), Code::Unavailable, "{}", err.message());
    assert!(!err.message().contains("nobody"), "no connection details leak: {}", err.message());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status = store_health(&server).await;
    assert_eq!(status, tonic_health::pb::health_check_response::ServingStatus::NotServing as i32);
    let (_, body) = server.http("GET", "/healthz", &[], b"").await;
    assert!(body.contains("\"store\":\"not_serving\""), "{body}");
    server.stop().await.unwrap();
}

#[tokio::test]
async fn store_recovers_when_it_comes_back() {
    // An SQLite file in a directory that does not exist yet: unreachable until it does.
    let base = tempfile::tempdir().unwrap();
    let missing = base.path().join("later");
    let key = base.path().join("fingerprint.key");
    std::fs::write(&key, "0123456789abcdef0123456789abcdef").unwrap();
    let server = TestServer::start(ServiceConfig {
        database_url: format!("sqlite://{}", missing.join("n.db").display()),
        fingerprint_key_file: Some(key),
        ..ServiceConfig::default()
    })
    .await;
    let mut client = server.client().await;
    let mut r = request("r1", NOTICE);
    r.record = true;
    let err = client.scan(r.clone()).await.unwrap_err();
    assert_eq!(err.code(), Code::Unavailable, "{}", err.message());

    std::fs::create_dir(&missing).unwrap();
    assert!(
        client.scan(r).await.unwrap().into_inner().recorded,
        "recording works once the store is back"
    );
    let serving = tonic_health::pb::health_check_response::ServingStatus::Serving as i32;
    let mut status = store_health(&server).await;
    for _ in 0..30 {
        if status == serving {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        status = store_health(&server).await;
    }
    assert_eq!(status, serving, "health follows the store");
    server.stop().await.unwrap();
}
