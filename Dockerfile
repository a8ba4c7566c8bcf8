# Multi-stage build: compile with the Rust toolchain (no protoc needed), ship the binary alone.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin noticeguard

FROM debian:bookworm-slim
# catdoc reads .doc/.wps; poppler-utils (pdftotext) with poppler-data reads PDFs whose
# Chinese fonts are not embedded, which the built-in PDF reader cannot (noticeguard rescan).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates catdoc poppler-utils poppler-data \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin noticeguard \
 && mkdir -p /data && chown noticeguard:noticeguard /data
COPY --from=build /src/target/release/noticeguard /usr/local/bin/noticeguard
USER noticeguard
WORKDIR /data
VOLUME /data
# Optional dictionary overrides: mount a directory and name it here.
# ENV NOTICEGUARD_DICT_DIR=/etc/noticeguard/dict
EXPOSE 50051
ENTRYPOINT ["noticeguard"]
CMD ["serve"]
