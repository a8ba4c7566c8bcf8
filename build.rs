//! Compiles `proto/` with the pure-Rust protox compiler (no system `protoc`) when the `grpc`
//! feature is on, and writes the descriptor set used by server reflection.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=proto");
    #[cfg(feature = "grpc")]
    grpc::compile()?;
    Ok(())
}

#[cfg(feature = "grpc")]
mod grpc {
    use std::path::PathBuf;

    const PROTOS: &[&str] = &["proto/noticeguard/v1/noticeguard.proto"];

    pub fn compile() -> Result<(), Box<dyn std::error::Error>> {
        for proto in PROTOS {
            println!("cargo:rerun-if-changed={proto}");
        }
        let fds = protox::compile(PROTOS, ["proto"])?;
        let out = PathBuf::from(std::env::var("OUT_DIR")?);
        std::fs::write(
            out.join("noticeguard_descriptor.bin"),
            prost::Message::encode_to_vec(&fds),
        )?;
        tonic_prost_build::configure()
            .build_server(true)
            .build_client(true)
            // Decode errors are the client's fault: INVALID_ARGUMENT, not INTERNAL.
            .codec_path("crate::service::codec::Codec")
            // Messages that carry text get a hand-written Debug that prints sizes only.
            .skip_debug([
                "noticeguard.v1.Document",
                "noticeguard.v1.ScanResponse",
                "noticeguard.v1.Finding",
            ])
            .emit_rerun_if_changed(false)
            .compile_fds(fds)?;
        Ok(())
    }
}
