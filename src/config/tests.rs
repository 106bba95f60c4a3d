//! The configuration's tests: defaults, refusals, sources.
use super::*;

fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
    let mut raw: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    raw.entry("SECRET_KEY".into())
        .or_insert_with(|| "ab".repeat(32));
    Settings::from_map(&raw, Path::new("/nonexistent/secret.key"))
}

#[test]
fn defaults_match_the_spec() {
    let s = settings(&[]).unwrap();
    assert_eq!(s.bind_addr.to_string(), "127.0.0.1:8080");
    assert_eq!(s.public_url.as_str(), "http://127.0.0.1:8080/");
    assert_eq!(s.database_url, "sqlite://data/phone-verify.db");
    assert_eq!(s.sms_provider, SmsProvider::Outbox);
    assert_eq!(s.brand.name, "phone-verify");
    assert_eq!(
        s.otp,
        OtpSettings {
            length: 6,
            ttl_seconds: 600,
            max_attempts: 5
        }
    );
    assert_eq!(
        s.send,
        SendSettings {
            resend_cooldown_seconds: 30,
            limit_per_phone: 5,
            limit_window_seconds: 3600,
            wrong_code_limit: 5,
        }
    );
    assert_eq!(s.default_locale, "en");
    assert_eq!(s.cleanup_interval_seconds, 60);
    assert_eq!(s.log_format, LogFormat::Text);
    assert!(!s.is_https());
    assert_eq!(s.abuse.global_limit_per_hour, 1000);
    assert!(s.abuse.allowed_countries.is_empty());
    assert_eq!(
        (
            s.abuse.ip_per_minute,
            s.abuse.ip_burst,
            s.abuse.trust_proxy_headers
        ),
        (20, 10, false)
    );
    assert_eq!(s.abuse.pumping.mode, PumpingMode::Challenge);
    assert_eq!(
        s.abuse.challenge,
        crate::challenge::ChallengeSettings {
            mode: crate::challenge::Mode::Adaptive,
            cost: 5000,
            ttl_seconds: 300,
            budget_percent: 50,
            client_burst: 10,
            wait_seconds: 20,
            wait_per_hour: 5,
        }
    );
    assert_eq!(s.support_url, None);
    for url in [
        "https://help.example.com/sms",
        "mailto:help@example.com",
        "/help",
    ] {
        let s = settings(&[("SUPPORT_URL", url)]).unwrap();
        assert_eq!(s.support_url.as_deref(), Some(url));
    }
    let s = settings(&[("ALLOWED_COUNTRIES", "us, gb,US")]).unwrap();
    assert_eq!(s.abuse.allowed_countries, vec!["US", "GB"]);
}

#[test]
fn bad_values_name_the_variable_and_the_range() {
    let cases = [
        ("OTP_LENGTH", "3", "an integer from 4 to 10"),
        ("OTP_LENGTH", "six", "an integer from 4 to 10"),
        ("OTP_TTL_SECONDS", "601", "from 30 to 600"),
        ("OTP_MAX_ATTEMPTS", "0", "from 1 to 20"),
        ("BIND_ADDR", "localhost", "address:port"),
        ("METRICS_BIND_ADDR", "metrics", "address:port"),
        ("PUBLIC_URL", "ftp://x", "http"),
        ("DATABASE_URL", "mysql://x", "sqlite://"),
        ("SMS_PROVIDER", "carrier-pigeon", "allowed: outbox, sns"),
        ("LOG_FORMAT", "xml", "text, json"),
        ("DEFAULT_LOCALE", "xx", "allowed: en"),
        ("SECRET_KEY", "abcd", "at least 32 bytes"),
        ("SECRET_KEY", "not hex nor base64!", "hex or base64"),
        ("DEV_OUTBOX_PUBLIC", "maybe", "true or false"),
        ("ALLOWED_COUNTRIES", "US,XX", "`XX` is not an ISO 3166"),
        ("BRAND_ACCENT_COLOR", "blue", "a colour such as #1f5fd1"),
        (
            "BRAND_LOGO_URL",
            "http://x.example/logo.png",
            "https URL or a path",
        ),
        (
            "BRAND_LOGO_URL",
            "//evil.example/x.png",
            "https URL or a path",
        ),
        (
            "SUPPORT_URL",
            "http://help.example",
            "an https URL, a mailto:",
        ),
        (
            "SUPPORT_URL",
            "javascript:alert(1)",
            "an https URL, a mailto:",
        ),
        ("SUPPORT_URL", "//evil.example/", "an https URL, a mailto:"),
        ("PUMPING_GUARD", "panic", "off, monitor, challenge, block"),
        ("BOT_CHALLENGE", "sometimes", "off, adaptive, always"),
        ("BOT_CHALLENGE_COST", "5", "from 10 to 100000"),
        ("BOT_CHALLENGE_BUDGET_PERCENT", "0", "from 1 to 100"),
        ("BOT_CHALLENGE_WAIT_SECONDS", "601", "from 0 to 600"),
        ("BOT_CHALLENGE_WAIT_PER_HOUR", "0", "from 1 to 10000"),
        ("IP_RATE_LIMIT_PER_MINUTE", "0", "from 1 to 1000000"),
        ("TRUST_PROXY_HEADERS", "sometimes", "true or false"),
        ("PUMPING_MAX_UNVERIFIED_PERCENT", "101", "from 1 to 100"),
    ];
    for (name, value, expected) in cases {
        let err = settings(&[(name, value)]).unwrap_err();
        assert_eq!(err.name, name, "{name}={value}");
        assert!(err.to_string().contains(expected), "{name}={value}: {err}");
    }
}

#[test]
fn sns_settings_are_checked() {
    let sns = |extra: &[(&str, &str)]| {
        let mut pairs = vec![("SMS_PROVIDER", "sns"), ("AWS_REGION", "eu-west-1")];
        pairs.extend_from_slice(extra);
        settings(&pairs)
    };
    let ok = sns(&[
        ("SNS_SMS_TYPE", "promotional"),
        ("SNS_SENDER_ID", "Acme"),
        ("SNS_ORIGINATION_NUMBER", "+18005550199"),
        ("SNS_MAX_PRICE_USD", "0.50"),
        ("SNS_ENDPOINT_URL", "http://127.0.0.1:5000"),
        ("SNS_TIMEOUT_SECONDS", "3"),
    ])
    .unwrap()
    .sns
    .unwrap();
    assert_eq!(ok.region, "eu-west-1");
    assert_eq!(ok.sms_type, SmsType::Promotional);
    assert_eq!(ok.sender_id.as_deref(), Some("Acme"));
    assert_eq!(ok.timeout, std::time::Duration::from_secs(3));
    let defaults = sns(&[]).unwrap().sns.unwrap();
    assert_eq!(
        (defaults.sms_type, defaults.timeout.as_secs()),
        (SmsType::Transactional, 10)
    );
    assert_eq!(
        settings(&[("SMS_PROVIDER", "sns")]).unwrap_err().name,
        "AWS_REGION"
    );
    for (name, value) in [
        ("SNS_SMS_TYPE", "Urgent"),
        ("SNS_SENDER_ID", "TooLongSenderName"),
        ("SNS_SENDER_ID", "12345"),
        ("SNS_ORIGINATION_NUMBER", "18005550199"),
        ("SNS_MAX_PRICE_USD", "-1"),
        ("SNS_ENDPOINT_URL", "localhost:5000"),
        ("SNS_TIMEOUT_SECONDS", "0"),
        ("AWS_REGION", "US East"),
    ] {
        assert_eq!(
            sns(&[(name, value)]).unwrap_err().name,
            name,
            "{name}={value}"
        );
    }
    // The outbox does not care about SNS variables.
    assert!(
        settings(&[("SNS_SMS_TYPE", "Urgent")])
            .unwrap()
            .sns
            .is_none()
    );
}

#[test]
fn outbox_refuses_a_public_bind_unless_allowed() {
    let err = settings(&[("BIND_ADDR", "0.0.0.0:8080")]).unwrap_err();
    assert_eq!(err.name, "SMS_PROVIDER");
    assert!(err.problem.contains("DEV_OUTBOX_PUBLIC"));
    assert!(settings(&[("BIND_ADDR", "0.0.0.0:8080"), ("DEV_OUTBOX_PUBLIC", "true")]).is_ok());
}

#[test]
fn outbox_refuses_a_public_url_unless_allowed() {
    let err = settings(&[("PUBLIC_URL", "https://verify.example.com")]).unwrap_err();
    assert_eq!(err.name, "SMS_PROVIDER");
    assert!(err.problem.contains("PUBLIC_URL"), "{err}");
    for loopback in [
        "http://localhost:8080",
        "http://127.0.0.1:9000",
        "http://[::1]:8080",
    ] {
        assert!(settings(&[("PUBLIC_URL", loopback)]).is_ok(), "{loopback}");
    }
    assert!(
        settings(&[
            ("PUBLIC_URL", "https://verify.example.com"),
            ("DEV_OUTBOX_PUBLIC", "true")
        ])
        .is_ok()
    );
    assert!(
        settings(&[
            ("PUBLIC_URL", "https://verify.example.com"),
            ("SMS_PROVIDER", "sns"),
            ("AWS_REGION", "us-east-1")
        ])
        .is_ok()
    );
}

#[test]
fn the_twilio_api_needs_its_account_a_service_and_a_key() {
    const AC: &str = "AC0123456789abcdef0123456789abcdef";
    const VA: &str = "VAfedcba9876543210fedcba9876543210";
    const KEY: &str = "acme:twiliokey0123456789abcdef";
    for (name, value) in [
        ("TWILIO_ACCOUNT_SID", "AC123"),
        ("TWILIO_ACCOUNT_SID", "VAfedcba9876543210fedcba9876543210"),
        ("TWILIO_SERVICE_SID", "VA0123456789abcdef0123456789abcdeX"),
    ] {
        let err = settings(&[(name, value)]).unwrap_err();
        assert_eq!(err.name, name);
        assert!(err.to_string().contains("32 hexadecimal digits"), "{err}");
    }
    let off = settings(&[]).unwrap();
    assert_eq!(off.twilio().unwrap(), None);
    let no_account = settings(&[("TWILIO_SERVICE_SID", VA), ("API_KEYS", KEY)]).unwrap();
    assert_eq!(no_account.twilio().unwrap_err().name, "TWILIO_ACCOUNT_SID");
    let no_service = settings(&[("TWILIO_ACCOUNT_SID", AC), ("API_KEYS", KEY)]).unwrap();
    assert_eq!(no_service.twilio().unwrap_err().name, "TWILIO_SERVICE_SID");
    let no_key = settings(&[("TWILIO_ACCOUNT_SID", AC), ("TWILIO_SERVICE_SID", VA)]).unwrap();
    assert_eq!(no_key.twilio().unwrap_err().name, "API_KEYS");
    let mut on = settings(&[
        ("TWILIO_ACCOUNT_SID", AC),
        ("TWILIO_SERVICE_SID", VA),
        ("API_KEYS", KEY),
        ("BRAND_NAME", "Acme"),
    ])
    .unwrap();
    let twilio = on.twilio().unwrap().unwrap();
    assert_eq!(twilio.account_sid, AC);
    assert_eq!(twilio.service(VA).unwrap().friendly_name, "Acme");
    // A client's service speaks with the client's name; a SID used twice
    // is refused.
    let client = |sid: &str| RawClient {
        id: "shop".into(),
        name: Some("Acme Shop".into()),
        secret: "s".repeat(32),
        service_sid: Some(sid.into()),
        ..Default::default()
    };
    const OTHER: &str = "VA00000000000000000000000000000001";
    on.clients = validate_clients(vec![client(OTHER)]).unwrap();
    let twilio = on.twilio().unwrap().unwrap();
    assert_eq!(twilio.service(OTHER).unwrap().friendly_name, "Acme Shop");
    on.clients = validate_clients(vec![client(VA)]).unwrap();
    assert!(on.twilio().unwrap_err().to_string().contains("used twice"));
    let bad = validate_clients(vec![client("VA12")]).unwrap_err();
    assert!(bad.to_string().contains("service_sid"), "{bad}");
}

#[test]
fn api_keys_may_carry_names() {
    let s = settings(&[(
        "API_KEYS",
        "shop:key-of-the-shop-0123, key-without-a-name-0123",
    )])
    .unwrap();
    assert_eq!(s.api_keys[0].name, "shop");
    assert_eq!(s.api_keys[0].key.0, "key-of-the-shop-0123");
    assert!(
        s.api_keys[1].name.starts_with("key-"),
        "{:?}",
        s.api_keys[1]
    );
    assert_eq!(s.api_keys[1].name.len(), 12);
    assert!(!format!("{s:?}").contains("key-of-the-shop-0123"));
    // Keys that share a name are one tenant (rotation); one key twice is
    // refused.
    let rotated = settings(&[("API_KEYS", "a:key-0123456789abcd,a:key-0123456789abce")]).unwrap();
    assert_eq!(rotated.api_keys.len(), 2);
    assert!(rotated.api_keys.iter().all(|k| k.name == "a"));
    for bad in [
        "bad name:key-of-the-shop-0123",
        "shop:short",
        "a:key-0123456789abcd,b:key-0123456789abcd",
        "key-1a2b3c4d:key-0123456789abcd",
    ] {
        assert_eq!(
            settings(&[("API_KEYS", bad)]).unwrap_err().name,
            "API_KEYS",
            "{bad}"
        );
    }
}

#[test]
fn connection_and_proxy_settings() {
    let s = settings(&[]).unwrap();
    assert_eq!(s.http.header_timeout.as_secs(), 10);
    assert_eq!(s.http.body_timeout.as_secs(), 10);
    assert_eq!(s.http.idle_timeout.as_secs(), 60);
    assert_eq!(s.http.max_connections_per_ip, 64);
    assert_eq!(s.abuse.proxy_header, ProxyHeader::XForwardedFor);
    assert_eq!((s.abuse.trusted_proxy_hops, s.abuse.ipv6_prefix), (1, 64));
    assert_eq!(s.send.wrong_code_limit, 5, "OTP_MAX_ATTEMPTS by default");
    assert_eq!(
        settings(&[("OTP_MAX_ATTEMPTS", "3")])
            .unwrap()
            .send
            .wrong_code_limit,
        3
    );
    for (name, value) in [
        ("PROXY_HEADER", "x-real-ip"),
        ("TRUSTED_PROXY_HOPS", "0"),
        ("IPV6_PREFIX_LENGTH", "16"),
        ("HTTP_HEADER_TIMEOUT_SECONDS", "0"),
        ("HTTP_MAX_CONNECTIONS_PER_IP", "0"),
        ("WRONG_CODE_LIMIT_PER_PHONE", "0"),
        ("PUMPING_MIN_NETWORKS", "0"),
    ] {
        assert_eq!(
            settings(&[(name, value)]).unwrap_err().name,
            name,
            "{name}={value}"
        );
    }
}

#[test]
fn secret_key_accepts_hex_and_base64() {
    let hex_key = settings(&[("SECRET_KEY", &"0f".repeat(32))]).unwrap();
    assert_eq!(hex_key.secret_key.bytes(), &[0x0f; 32]);
    let b64 = settings(&[("SECRET_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]).unwrap();
    assert_eq!(
        b64.secret_key.bytes(),
        (0u8..32).collect::<Vec<_>>().as_slice()
    );
    assert!(!format!("{hex_key:?}").contains("0f0f"));
}

#[test]
fn generated_key_is_written_once_with_mode_0600_and_reused() {
    let dir = std::env::temp_dir().join(format!("pv-key-{}", uuid::Uuid::new_v4()));
    let path = dir.join("data").join("secret.key");
    let raw = HashMap::new();
    let first = Settings::from_map(&raw, &path).unwrap();
    let second = Settings::from_map(&raw, &path).unwrap();
    assert_eq!(first.secret_key, second.secret_key);
    assert_eq!(first.secret_key.bytes().len(), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn config_file_keys_are_lower_case_and_checked() {
    let dir = std::env::temp_dir().join(format!("pv-conf-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.toml");
    std::fs::write(
        &good,
        "otp_length = 8\nbrand_name = \"Acme\"\ndev_outbox_public = true\n",
    )
    .unwrap();
    let (raw, _) = source::read_file(&good).unwrap();
    assert_eq!(raw.get("OTP_LENGTH").map(String::as_str), Some("8"));
    assert_eq!(raw.get("BRAND_NAME").map(String::as_str), Some("Acme"));
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "otp_lenght = 8\n").unwrap();
    let err = source::read_file(&bad).unwrap_err();
    assert!(err.problem.contains("unknown key `otp_lenght`"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn debug_redacts_secrets() {
    let s = settings(&[("DATABASE_URL", "postgres://app:hunter2@db/pv")]).unwrap();
    let text = format!("{s:?}");
    assert!(!text.contains("hunter2"), "{text}");
    assert!(text.contains("postgres://app:***@db/pv"), "{text}");
}

#[test]
fn every_key_read_is_a_known_key() {
    let mut raw: HashMap<String, String> = HashMap::from([
        ("SECRET_KEY".into(), "ab".repeat(32)),
        ("SMS_PROVIDER".into(), "sns".into()),
        ("AWS_REGION".into(), "us-east-1".into()),
    ]);
    raw.insert("API_KEYS".into(), "key-0123456789abcdef".into());
    let src = Source::new(raw);
    Settings::from_source(&src, Path::new("/nonexistent/secret.key")).unwrap();
    let asked = src.asked();
    for name in &asked {
        assert!(keys::is_known(name), "{name} is read but unknown");
    }
    for key in keys::all().filter(|k| *k != "SECRET_KEY") {
        assert!(asked.contains(&key), "{key} is listed but never read");
    }
}
