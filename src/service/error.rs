//! Service errors and their one mapping to gRPC status codes and HTTP responses.
//!
//! Messages name limits, fields and profiles, never document text or detected values.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tonic::{Code, Status};

use crate::Error as CoreError;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ServiceError {
    /// The request is malformed.
    #[error("{0}")]
    InvalidArgument(String),
    /// The request or document is above a limit.
    #[error("{0}")]
    ResourceExhausted(String),
    /// No bearer token, or an unknown one.
    #[error("{0}")]
    Unauthenticated(String),
    /// The caller's role or region does not allow this.
    #[error("{0}")]
    PermissionDenied(String),
    /// The request needs something this server is not configured with.
    #[error("{0}")]
    FailedPrecondition(String),
    /// A dependency is down; retry later.
    #[error("{0}")]
    Unavailable(String),
    /// A bug.
    #[error("{0}")]
    Internal(String),
}

impl ServiceError {
    /// Returns the gRPC code.
    pub fn code(&self) -> Code {
        match self {
            ServiceError::InvalidArgument(_) => Code::InvalidArgument,
            ServiceError::ResourceExhausted(_) => Code::ResourceExhausted,
            ServiceError::Unauthenticated(_) => Code::Unauthenticated,
            ServiceError::PermissionDenied(_) => Code::PermissionDenied,
            ServiceError::FailedPrecondition(_) => Code::FailedPrecondition,
            ServiceError::Unavailable(_) => Code::Unavailable,
            ServiceError::Internal(_) => Code::Internal,
        }
    }

    /// Returns the HTTP status of the JSON API.
    pub fn http_status(&self) -> StatusCode {
        match self {
            ServiceError::InvalidArgument(_) | ServiceError::FailedPrecondition(_) => {
                StatusCode::BAD_REQUEST
            }
            ServiceError::ResourceExhausted(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ServiceError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ServiceError::PermissionDenied(_) => StatusCode::FORBIDDEN,
            ServiceError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ServiceError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Returns the upper-case gRPC code name used in JSON error bodies.
    pub fn code_name(&self) -> &'static str {
        match self.code() {
            Code::InvalidArgument => "INVALID_ARGUMENT",
            Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
            Code::Unauthenticated => "UNAUTHENTICATED",
            Code::PermissionDenied => "PERMISSION_DENIED",
            Code::FailedPrecondition => "FAILED_PRECONDITION",
            Code::Unavailable => "UNAVAILABLE",
            _ => "INTERNAL",
        }
    }
}

impl From<CoreError> for ServiceError {
    fn from(err: CoreError) -> Self {
        match err {
            CoreError::InputTooLarge { .. } => ServiceError::ResourceExhausted(err.to_string()),
            // The name came from the request: do not echo it.
            CoreError::UnknownProfile { available, .. } => {
                ServiceError::InvalidArgument(format!("unknown profile (available: {available})"))
            }
            CoreError::MissingTokenSecret { .. } => {
                ServiceError::FailedPrecondition(err.to_string())
            }
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

impl From<ServiceError> for Status {
    fn from(err: ServiceError) -> Self {
        Status::new(err.code(), err.to_string())
    }
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        let body =
            serde_json::json!({"error": {"code": self.code_name(), "message": self.to_string()}});
        (self.http_status(), Json(body)).into_response()
    }
}
