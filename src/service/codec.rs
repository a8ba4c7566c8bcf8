//! The protobuf codec of the service: prost's, except that a message that does not decode
//! (truncated, or a `string` field that is not UTF-8) is `INVALID_ARGUMENT` — the client's
//! fault — rather than tonic's default `INTERNAL`. The message never quotes the input.

use std::marker::PhantomData;

use tonic::Status;
use tonic::codec::{Codec as TonicCodec, DecodeBuf, Decoder};
use tonic_prost::{ProstCodec, ProstDecoder, ProstEncoder};

/// Prost codec with client-side decode errors.
#[derive(Debug, Clone)]
pub struct Codec<T, U>(ProstCodec<T, U>);

impl<T, U> Default for Codec<T, U> {
    fn default() -> Self {
        Codec(ProstCodec::default())
    }
}

impl<T, U> TonicCodec for Codec<T, U>
where
    T: prost::Message + Send + 'static,
    U: prost::Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = ClientErrorDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        self.0.encoder()
    }

    fn decoder(&mut self) -> Self::Decoder {
        ClientErrorDecoder(self.0.decoder(), PhantomData)
    }
}

/// Decodes with prost and reports failures as `INVALID_ARGUMENT`.
#[derive(Debug)]
pub struct ClientErrorDecoder<U>(ProstDecoder<U>, PhantomData<U>);

impl<U: prost::Message + Default> Decoder for ClientErrorDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        self.0.decode(buf).map_err(|_| {
            Status::invalid_argument(
                "request is not a valid noticeguard.v1 message (strings must be UTF-8)",
            )
        })
    }

    fn buffer_settings(&self) -> tonic::codec::BufferSettings {
        self.0.buffer_settings()
    }
}
