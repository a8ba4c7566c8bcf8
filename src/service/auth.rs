//! Bearer-token authentication and role checks.
//!
//! Tokens are configured as SHA-256 hex digests (`noticeguard hash-token` prints one), so the
//! configuration file holds no usable secret. Tokens are long random strings, not passwords,
//! so a fast hash is the right tool. Comparison goes through the digest map, never through
//! the token text.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::ServiceError;

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Scan documents (publishing systems).
    Publisher,
    /// Query statistics, within its region prefix.
    Assessor,
    /// Everything, including re-scan jobs.
    Admin,
}

/// One configured token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    /// A label for logs (e.g. "county CMS").
    pub name: String,
    /// SHA-256 of the token, 64 hex digits.
    pub sha256: String,
    /// The role the token grants.
    pub role: Role,
    /// Division-code prefix the caller is limited to (e.g. "3607"); none means everywhere.
    #[serde(default)]
    pub region_prefix: Option<String>,
}

/// An authenticated caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// Token label ("anonymous" without auth).
    pub name: String,
    /// Granted role.
    pub role: Role,
    /// Region limit.
    pub region_prefix: Option<String>,
}

impl Caller {
    /// Fails unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role], what: &str) -> Result<(), ServiceError> {
        if self.role == Role::Admin || roles.contains(&self.role) {
            Ok(())
        } else {
            Err(ServiceError::PermissionDenied(
                format!("role {:?} may not {what}", self.role).to_lowercase(),
            ))
        }
    }

    /// Fails when `region_code` lies outside the caller's region prefix.
    pub fn require_region(&self, region_code: &str) -> Result<(), ServiceError> {
        match &self.region_prefix {
            Some(prefix) if !region_code.starts_with(prefix.as_str()) => {
                Err(ServiceError::PermissionDenied(format!(
                    "caller {} is limited to region prefix {prefix}",
                    self.name
                )))
            }
            _ => Ok(()),
        }
    }
}

/// Checks bearer tokens.
#[derive(Clone, Debug)]
pub struct Authenticator {
    tokens: Vec<TokenConfig>,
}

impl Authenticator {
    /// Validates the configured tokens.
    ///
    /// # Errors
    ///
    /// Returns a message naming the token whose digest or region prefix is malformed.
    pub fn new(tokens: Vec<TokenConfig>) -> Result<Self, String> {
        for t in &tokens {
            if t.sha256.len() != 64 || !t.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!("token {:?}: sha256 must be 64 hex digits", t.name));
            }
            if let Some(p) = &t.region_prefix {
                if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 12 {
                    return Err(format!(
                        "token {:?}: region_prefix must be 1 to 12 digits",
                        t.name
                    ));
                }
            }
        }
        let tokens = tokens
            .into_iter()
            .map(|t| TokenConfig { sha256: t.sha256.to_ascii_lowercase(), ..t })
            .collect();
        Ok(Authenticator { tokens })
    }

    /// Returns true when tokens are configured (otherwise everyone is admin, on loopback).
    pub fn enabled(&self) -> bool {
        !self.tokens.is_empty()
    }

    /// Authenticates the value of an `authorization` header or metadata entry.
    ///
    /// # Errors
    ///
    /// `Unauthenticated` when tokens are configured and the header is missing, not a bearer
    /// token, or unknown.
    pub fn authenticate(&self, authorization: Option<&str>) -> Result<Caller, ServiceError> {
        if !self.enabled() {
            return Ok(Caller { name: "anonymous".into(), role: Role::Admin, region_prefix: None });
        }
        let header = authorization.ok_or_else(|| {
            ServiceError::Unauthenticated("missing authorization: Bearer <token>".into())
        })?;
        let token = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ServiceError::Unauthenticated("authorization must be a Bearer token".into())
            })?;
        let digest = hash_token(token);
        self.tokens
            .iter()
            .find(|t| t.sha256 == digest)
            .map(|t| Caller {
                name: t.name.clone(),
                role: t.role,
                region_prefix: t.region_prefix.clone(),
            })
            .ok_or_else(|| ServiceError::Unauthenticated("unknown token".into()))
    }
}

/// Returns the SHA-256 hex digest of a token, as the configuration stores it.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth() -> Authenticator {
        Authenticator::new(vec![
            TokenConfig {
                name: "cms".into(),
                sha256: hash_token("pub-token"),
                role: Role::Publisher,
                region_prefix: None,
            },
            TokenConfig {
                name: "county assessor".into(),
                sha256: hash_token("assess-token"),
                role: Role::Assessor,
                region_prefix: Some("3607".into()),
            },
        ])
        .unwrap()
    }

    #[test]
    fn tokens_map_to_roles() {
        let a = auth();
        let c = a.authenticate(Some("Bearer pub-token")).unwrap();
        assert_eq!((c.role, c.name.as_str()), (Role::Publisher, "cms"));
        assert!(c.require(&[Role::Publisher], "scan").is_ok());
        let c = a.authenticate(Some("Bearer assess-token")).unwrap();
        assert!(matches!(
            c.require(&[Role::Publisher], "scan"),
            Err(ServiceError::PermissionDenied(_))
        ));
        assert!(c.require_region("360730").is_ok());
        assert!(matches!(c.require_region("110105"), Err(ServiceError::PermissionDenied(_))));
    }

    #[test]
    fn missing_wrong_and_malformed_tokens() {
        let a = auth();
        for header in [None, Some("pub-token"), Some("Bearer "), Some("Bearer nope")] {
            let err = a.authenticate(header).unwrap_err();
            assert!(matches!(err, ServiceError::Unauthenticated(_)), "{header:?}");
            assert!(!err.to_string().contains("nope"), "never echo the token");
        }
    }

    #[test]
    fn without_tokens_everyone_is_admin() {
        let a = Authenticator::new(vec![]).unwrap();
        assert!(!a.enabled());
        assert_eq!(a.authenticate(None).unwrap().role, Role::Admin);
    }

    #[test]
    fn malformed_configuration_is_rejected() {
        let bad = TokenConfig {
            name: "x".into(),
            sha256: "abc".into(),
            role: Role::Admin,
            region_prefix: None,
        };
        assert!(Authenticator::new(vec![bad]).unwrap_err().contains("64 hex digits"));
    }
}
