# phone-verify: a small runtime image (Debian slim, one static-ish binary).
# Build:  docker build -t phone-verify .
# Run:    docker run -p 8080:8080 -e DATABASE_URL=postgres://… -e SECRET_KEY=… \
#           -e SMS_PROVIDER=sns -e AWS_REGION=us-east-1 -e PUBLIC_URL=https://verify.example.com phone-verify

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# Dependencies first, so a source change does not rebuild them.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
 && cargo build --release --locked 2>/dev/null || true
COPY . .
RUN touch src/main.rs src/lib.rs && cargo build --release --locked && strip target/release/phone-verify

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/phone-verify --create-home phone-verify
COPY --from=build /src/target/release/phone-verify /usr/local/bin/phone-verify
USER phone-verify
WORKDIR /var/lib/phone-verify
ENV BIND_ADDR=0.0.0.0:8080 LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/phone-verify"]
CMD ["serve"]
