//! Whether a model file carries the office's approval: its minisign signature
//! (`MODEL.ron.minisig`) checked against the office's public key. Text and bytes in, a verdict
//! out; the application reads the files and says the verdict in Japanese.

/// The office's public key, as `madoguchi keygen` or `minisign -G` write it (the two-line
/// `.pub` file, or its base64 line alone).
#[derive(Debug, Clone)]
pub struct OfficeKey(minisign_verify::PublicKey);

impl OfficeKey {
    pub fn decode(text: &str) -> Option<OfficeKey> {
        minisign_verify::PublicKey::decode(text)
            .or_else(|_| minisign_verify::PublicKey::from_base64(text.trim()))
            .ok()
            .map(OfficeKey)
    }
}

/// What a signature says of a model's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approval {
    Approved,
    /// Not a minisign signature at all.
    NotASignature,
    /// Signed with another key.
    OtherKey,
    /// A signature of another file (the `file:` of its trusted comment).
    OtherFile(String),
    /// The bytes changed since they were signed.
    Changed,
}

/// Checks `signature_text` (a `.minisig` file) over `model_bytes` of the file named
/// `file_name`.
pub fn check(
    key: &OfficeKey,
    signature_text: &str,
    file_name: &str,
    model_bytes: &[u8],
) -> Approval {
    let Ok(signature) = minisign_verify::Signature::decode(signature_text) else {
        return Approval::NotASignature;
    };
    match key.0.verify(model_bytes, &signature, false) {
        Ok(()) => Approval::Approved,
        Err(minisign_verify::Error::UnexpectedKeyId) => Approval::OtherKey,
        Err(_) => match signed_file_name(signature.trusted_comment()) {
            Some(signed) if signed != file_name => Approval::OtherFile(signed),
            _ => Approval::Changed,
        },
    }
}

/// The `file:` of a trusted comment (`madoguchi sign` and `minisign -S` both write one).
fn signed_file_name(trusted_comment: &str) -> Option<String> {
    trusted_comment
        .split(['\t', ' '])
        .find_map(|part| part.strip_prefix("file:"))
        .map(str::to_string)
}

/// Entry point of the fuzz target `signature_files` (and its corpus replay): a public key
/// file, a signature file and a model's bytes, separated by NUL bytes. Never panics.
pub fn fuzz_signature_files(data: &[u8]) {
    let mut parts = data.splitn(3, |b| *b == 0);
    let (Some(key), Some(signature), Some(model)) = (parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let (Ok(key), Ok(signature)) = (std::str::from_utf8(key), std::str::from_utf8(signature))
    else {
        return;
    };
    if let Some(key) = OfficeKey::decode(key) {
        let _ = check(&key, signature, "procedures.ron", model);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_file_is_read_from_either_tools_comment() {
        assert_eq!(
            signed_file_name("timestamp:1\tfile:procedures.ron\thashed").as_deref(),
            Some("procedures.ron")
        );
        assert_eq!(
            signed_file_name("timestamp:1\tfile:a.ron\tpage:2024-03-22\tversion:1\thashed")
                .as_deref(),
            Some("a.ron")
        );
        assert_eq!(signed_file_name("timestamp:1"), None);
    }

    #[test]
    fn garbage_is_no_key_and_no_signature() {
        assert!(OfficeKey::decode("not a key").is_none());
        assert!(OfficeKey::decode("").is_none());
        fuzz_signature_files(b"\0\0");
        fuzz_signature_files(b"untrusted comment: x\nRWQ\0untrusted comment\n\0bytes");
    }
}
