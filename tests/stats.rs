//! End to end: notices recorded over gRPC, statistics read back over gRPC and HTTP, every
//! figure checked against values this test computes on its own.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use noticeguard::service::pb;
use tonic::Code;

/// A valid ID number (GB 11643 check digit) for a county code and a sequence number.
fn id(county: &str, n: u32) -> String {
    let body = format!("{county}1980{:02}{:02}{:03}", 1 + n % 12, 1 + n % 28, n % 1000);
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(w).map(|(d, w)| u32::from(d - b'0') * w).sum();
    format!("{body}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

struct Notice {
    id: String,
    unit: &'static str,
    township: &'static str,
    date: &'static str,
    ids: Vec<String>,
    mobiles: usize,
    masked_ids: usize,
}

impl Notice {
    fn text(&self) -> String {
        let mut t = String::from("低保公示：");
        for v in &self.ids {
            t.push_str(&format!("身份证号：{v}；"));
        }
        for m in 0..self.mobiles {
            t.push_str(&format!("电话1381234{:04}；", m + self.id.len()));
        }
        for _ in 0..self.masked_ids {
            t.push_str("身份证号：36*************123；");
        }
        t.push_str("监督电话：0797-8225678");
        t
    }
    fn leaks(&self) -> usize {
        self.ids.len() + self.mobiles
    }
}

fn notices() -> Vec<Notice> {
    let townships = [
        ("甲镇", "360730101"),
        ("乙镇", "360730102"),
        ("丙乡", "360731201"),
        ("丁乡", "360731202"),
    ];
    let mut out = Vec::new();
    for i in 0..16u32 {
        let (unit, township) = townships[(i % 4) as usize];
        // IDs repeat across notices (the same person listed twice) to test distinct counting.
        let ids = (0..(i % 3)).map(|k| id(&township[..6], (i + k) % 5)).collect();
        out.push(Notice {
            id: format!("n{i}"),
            unit,
            township,
            date: ["2026-01-15", "2026-05-20", "2026-11-02"][(i % 3) as usize],
            ids,
            mobiles: (i % 2) as usize,
            masked_ids: (i % 4 == 3) as usize,
        });
    }
    out
}

#[derive(Default, Debug, PartialEq)]
struct Expected {
    documents: u64,
    with_leaks: u64,
    id_leaks: u64,
    mobile_leaks: u64,
    persons: BTreeSet<String>,
    deduction: f64,
}

/// The figures per group, from the notices alone (example rules: 6 points per leaking
/// document, at most 6 per unit per year).
fn expected(notices: &[Notice], key: impl Fn(&Notice) -> String) -> BTreeMap<String, Expected> {
    let mut out: BTreeMap<String, Expected> = BTreeMap::new();
    let mut unit_years: BTreeMap<(String, &str, &str), f64> = BTreeMap::new();
    for n in notices {
        let e = out.entry(key(n)).or_default();
        e.documents += 1;
        e.with_leaks += u64::from(n.leaks() > 0);
        e.id_leaks += n.ids.len() as u64;
        e.mobile_leaks += n.mobiles as u64;
        e.persons.extend(n.ids.iter().cloned());
        if n.leaks() > 0 {
            *unit_years.entry((key(n), n.unit, &n.date[..4])).or_default() += 6.0;
        }
    }
    for ((k, _, _), points) in unit_years {
        out.get_mut(&k).unwrap().deduction += points.min(6.0);
    }
    out
}

fn check(groups: &[pb::LeakStatsGroup], expected: &BTreeMap<String, Expected>) {
    let keys: Vec<&String> = groups.iter().map(|g| &g.key).collect();
    assert_eq!(keys, expected.keys().collect::<Vec<_>>());
    for g in groups {
        let e = &expected[&g.key];
        assert_eq!(g.documents, e.documents, "{}: documents", g.key);
        assert_eq!(g.documents_with_leaks, e.with_leaks, "{}: documents with leaks", g.key);
        assert_eq!(
            g.leaks_by_kind.get("id_card").copied().unwrap_or(0),
            e.id_leaks,
            "{}: ID leaks",
            g.key
        );
        assert_eq!(
            g.leaks_by_kind.get("mobile_phone").copied().unwrap_or(0),
            e.mobile_leaks,
            "{}",
            g.key
        );
        assert_eq!(g.distinct_persons, e.persons.len() as u64, "{}: distinct persons", g.key);
        assert!(
            (g.deduction - e.deduction).abs() < 1e-9,
            "{}: deduction {} vs {}",
            g.key,
            g.deduction,
            e.deduction
        );
    }
}

#[tokio::test]
async fn recorded_notices_add_up_by_county_and_township() {
    let server = TestServer::start(config_with_tokens()).await;
    let mut client = server.client().await;
    let notices = notices();
    for n in &notices {
        let request = pb::ScanRequest {
            document: Some(pb::Document {
                id: n.id.clone(),
                unit: n.unit.into(),
                region_code: n.township.into(),
                category: "social_assistance".into(),
                published_at: n.date.into(),
                content: Some(pb::document::Content::Text(n.text())),
                ..Default::default()
            }),
            record: true,
            ..Default::default()
        };
        let response = client.scan(authorized(request, PUBLISHER)).await.unwrap().into_inner();
        assert!(response.recorded);
        assert_eq!(response.risk.unwrap().leaks as usize, n.leaks(), "{}", n.id);
    }

    let stats = |group_by: pb::GroupBy, prefix: &str, token: &'static str| {
        let mut client = client.clone();
        let request = pb::QueryLeakStatsRequest {
            filter: Some(pb::StatsFilter { region_prefix: prefix.into(), ..Default::default() }),
            group_by: group_by.into(),
        };
        async move { client.query_leak_stats(authorized(request, token)).await }
    };

    let by_county = stats(pb::GroupBy::County, "", ADMIN).await.unwrap().into_inner().groups;
    check(&by_county, &expected(&notices, |n| n.township[..6].to_owned()));
    let by_township = stats(pb::GroupBy::Township, "", ADMIN).await.unwrap().into_inner().groups;
    check(&by_township, &expected(&notices, |n| n.township.to_owned()));

    // The county assessor (3607…) sees its own region only.
    let own = stats(pb::GroupBy::Township, "", ASSESSOR).await.unwrap().into_inner().groups;
    assert!(own.iter().all(|g| g.key.starts_with("3607")));
    let other = stats(pb::GroupBy::County, "110105", ASSESSOR).await.unwrap_err();
    assert_eq!(other.code(), Code::PermissionDenied);
    // Publishers may not read statistics; nobody without a token.
    assert_eq!(
        stats(pb::GroupBy::County, "", PUBLISHER).await.unwrap_err().code(),
        Code::PermissionDenied
    );

    // Drill-down: every leaked ID finding, masked.
    let mut listed = 0;
    let mut token = String::new();
    loop {
        let request = pb::ListFindingsRequest {
            filter: Some(pb::StatsFilter {
                kind: pb::PiiKind::IdCard.into(),
                status: pb::FindingStatus::Leaked.into(),
                ..Default::default()
            }),
            page_size: 7,
            page_token: token.clone(),
        };
        let page = client.list_findings(authorized(request, ADMIN)).await.unwrap().into_inner();
        for f in &page.findings {
            assert!(f.masked.contains('*'));
            assert!(!notices.iter().any(|n| n.ids.contains(&f.masked)));
        }
        listed += page.findings.len();
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(listed, notices.iter().map(|n| n.ids.len()).sum::<usize>());

    // HTTP mirrors gRPC.
    let (status, body) = server
        .http(
            "GET",
            "/v1/stats?group_by=township&region_prefix=360731",
            &[("authorization", &format!("Bearer {ADMIN}"))],
            b"",
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let keys: Vec<&str> =
        v["groups"].as_array().unwrap().iter().map(|g| g["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["360731201", "360731202"]);
    let (status, _) = server
        .http(
            "GET",
            "/v1/stats?region_prefix=110105",
            &[("authorization", &format!("Bearer {ASSESSOR}"))],
            b"",
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = server
        .http(
            "GET",
            "/v1/stats?group_by=galaxy",
            &[("authorization", &format!("Bearer {ADMIN}"))],
            b"",
        )
        .await;
    assert_eq!(status, 400);
    let (status, body) = server
        .http(
            "GET",
            "/v1/findings?page_size=3",
            &[("authorization", &format!("Bearer {ADMIN}"))],
            b"",
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("next_page_token"));
    server.stop().await.unwrap();
}
