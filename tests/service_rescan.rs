//! Server-side re-scan jobs: StartRescan under configured archive roots only (no `..`, no
//! absolute path outside, no symbolic-link escape), admin role only, progress by GetRescan
//! and WatchRescan, cancellation and resume.

mod common;

use std::path::Path;

use common::{ADMIN, PUBLISHER, TestServer, authorized, config_with_tokens};
use noticeguard::service::ServiceConfig;
use noticeguard::service::pb::{RescanJobRequest, RescanJobStatus, StartRescanRequest};
use tonic::Code;

fn archive(root: &Path, files: usize) {
    for i in 0..files {
        let dir = root.join(format!("{:02}", i % 10));
        std::fs::create_dir_all(&dir).unwrap();
        let text = if i % 2 == 0 {
            let given = ["伟", "芳", "秀英", "建国"][i % 4];
            format!("户主姓名\t联系电话\n张{given}\t138{i:08}\n")
        } else {
            format!("第{i}号通知。\n")
        };
        std::fs::write(dir.join(format!("{i}.txt")), text).unwrap();
    }
}

fn start(paths: &[&str]) -> StartRescanRequest {
    StartRescanRequest {
        paths: paths.iter().map(|p| (*p).to_owned()).collect(),
        region_code: "360726".into(),
        ..Default::default()
    }
}

async fn server(roots: Vec<std::path::PathBuf>, db: &Path) -> TestServer {
    TestServer::start(ServiceConfig {
        archive_roots: roots,
        database_url: format!("sqlite://{}", db.display()),
        ..config_with_tokens()
    })
    .await
}

/// Watches a job to its end; returns every status seen.
async fn watch_to_end(server: &TestServer, job_id: &str) -> Vec<RescanJobStatus> {
    let mut client = server.client().await;
    let mut stream = client
        .watch_rescan(authorized(RescanJobRequest { job_id: job_id.into() }, ADMIN))
        .await
        .unwrap()
        .into_inner();
    let mut seen = Vec::new();
    while let Some(status) = stream.message().await.unwrap() {
        seen.push(status);
    }
    seen
}

#[tokio::test(flavor = "multi_thread")]
async fn paths_outside_the_archive_roots_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    archive(&root, 4);
    let secret = dir.path().join("secret");
    std::fs::create_dir_all(&secret).unwrap();
    std::fs::write(secret.join("private.txt"), "户主姓名\t联系电话\n李四\t13912345678\n").unwrap();
    std::os::unix::fs::symlink(&secret, root.join("escape")).unwrap();
    std::os::unix::fs::symlink(secret.join("private.txt"), root.join("00/link.txt")).unwrap();
    let server = server(vec![root.clone()], &dir.path().join("s.db")).await;
    let mut client = server.client().await;

    let outside = secret.display().to_string();
    for path in [
        "../secret",
        "00/../../secret",
        outside.as_str(),
        "escape",
        "escape/private.txt",
        "missing",
    ] {
        let err = client.start_rescan(authorized(start(&[path]), ADMIN)).await.unwrap_err();
        assert_eq!(err.code(), Code::PermissionDenied, "{path}: {err:?}");
        assert!(!err.message().contains("secret"), "the message does not echo paths: {err:?}");
    }
    // One bad path refuses the whole request.
    let err =
        client.start_rescan(authorized(start(&["00", "../secret"]), ADMIN)).await.unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
    // Only the admin role starts jobs.
    let err = client.start_rescan(authorized(start(&["00"]), PUBLISHER)).await.unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
    let err = client.start_rescan(start(&["00"])).await.unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);

    // Inside the root, a link to a file outside is not followed by the walk.
    let status = client.start_rescan(authorized(start(&["."]), ADMIN)).await.unwrap().into_inner();
    assert_eq!(status.files_total, 4, "link.txt is not read");
    let end = watch_to_end(&server, &status.job_id).await;
    assert_eq!(end.last().unwrap().state, "finished");
    server.stop().await.unwrap();

    // Without archive roots, re-scans are disabled.
    let server = TestServer::start(ServiceConfig {
        database_url: format!("sqlite://{}", dir.path().join("t.db").display()),
        ..config_with_tokens()
    })
    .await;
    let err =
        server.client().await.start_rescan(authorized(start(&["x"]), ADMIN)).await.unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);
    server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_job_runs_reports_progress_and_resumes_after_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    archive(&root, 400);
    let server = server(vec![root.clone()], &dir.path().join("s.db")).await;
    let mut client = server.client().await;

    let first = client.start_rescan(authorized(start(&["."]), ADMIN)).await.unwrap().into_inner();
    assert_eq!((first.state.as_str(), first.files_total), ("running", 400));
    // Starting the same job again joins it.
    let again = client.start_rescan(authorized(start(&["."]), ADMIN)).await.unwrap().into_inner();
    assert_eq!(again.job_id, first.job_id);
    let cancelled = client
        .cancel_rescan(authorized(RescanJobRequest { job_id: first.job_id.clone() }, ADMIN))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(cancelled.job_id, first.job_id);
    let end = watch_to_end(&server, &first.job_id).await;
    let last = end.last().unwrap();
    assert!(matches!(last.state.as_str(), "cancelled" | "finished"), "{last:?}");
    let done_before = last.files_scanned;

    // Started again, the job resumes: what was done is not scanned twice.
    let resumed = client.start_rescan(authorized(start(&["."]), ADMIN)).await.unwrap().into_inner();
    assert_eq!(resumed.job_id, first.job_id);
    let end = watch_to_end(&server, &resumed.job_id).await;
    let last = end.last().unwrap();
    assert_eq!(last.state, "finished", "{end:?}");
    assert_eq!(last.files_resumed, done_before);
    assert_eq!(last.files_scanned + last.files_resumed, 400);

    let status = client
        .get_rescan(authorized(RescanJobRequest { job_id: first.job_id.clone() }, ADMIN))
        .await
        .unwrap()
        .into_inner();
    assert_eq!((status.state.as_str(), status.files_scanned), ("finished", 400));
    assert_eq!(status.leaks, 400, "200 files leak a name and a phone each");
    let err = client
        .get_rescan(authorized(RescanJobRequest { job_id: "nope".into() }, ADMIN))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    server.stop().await.unwrap();
}
