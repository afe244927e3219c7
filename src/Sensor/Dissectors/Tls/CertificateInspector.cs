using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>What the events report about a certificate.</summary>
internal sealed record CertificateFacts(string Subject, string Issuer, bool SelfSigned, string Sha256);

/// <summary>
/// Leaf certificate facts (DETECTION.md §1.7): subject and issuer in OpenSSL's RFC 2253 form (as Zeek logs them),
/// the SHA-256 of the DER, and self-signed = (1) self-issued (issuer DER == subject DER, else the decoded names equal
/// ignoring case) ∧ ¬(2) AKI keyIdentifier ≠ SKI ∧ ((3) the signature verifies with the certificate's own key, or (3)
/// could not run for the algorithm).
/// </summary>
internal static class CertificateInspector
{
    /// <summary>Inspects a DER certificate; null when it does not decode.</summary>
    public static CertificateFacts? Inspect(ReadOnlySpan<byte> der)
    {
        using X509Certificate2 cert = X509CertificateLoader.LoadCertificate(der);
        string subject = DistinguishedNames.Format(cert.SubjectName.RawData);
        string issuer = DistinguishedNames.Format(cert.IssuerName.RawData);
        bool selfIssued = cert.SubjectName.RawData.AsSpan().SequenceEqual(cert.IssuerName.RawData)
            || string.Equals(subject, issuer, StringComparison.OrdinalIgnoreCase);
        bool selfSigned = selfIssued && !KeyIdentifiersDiffer(cert) && SignatureCheck(cert, der) != false;
        return new CertificateFacts(subject, issuer, selfSigned, Convert.ToHexStringLower(SHA256.HashData(der)));
    }

    /// <summary>Step 2: AKI keyIdentifier and SKI both present and different (a CA key-rollover certificate).</summary>
    private static bool KeyIdentifiersDiffer(X509Certificate2 cert)
    {
        byte[]? ski = null, aki = null;
        foreach (X509Extension extension in cert.Extensions)
        {
            if (extension is X509SubjectKeyIdentifierExtension s)
            {
                ski = s.SubjectKeyIdentifierBytes.ToArray();
            }
            else if (extension is X509AuthorityKeyIdentifierExtension a && a.KeyIdentifier is { } id)
            {
                aki = id.ToArray();
            }
        }

        return ski is not null && aki is not null && !ski.AsSpan().SequenceEqual(aki);
    }

    /// <summary>Step 3: true/false when the signature could be checked with the certificate's own key, else null.</summary>
    private static bool? SignatureCheck(X509Certificate2 cert, ReadOnlySpan<byte> der)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER).ReadSequence();
            ReadOnlyMemory<byte> tbs = outer.ReadEncodedValue();
            AsnReader algorithm = outer.ReadSequence();
            string oid = algorithm.ReadObjectIdentifier();
            byte[] signature = outer.ReadBitString(out _);
            (HashAlgorithmName hash, bool ecdsa)? scheme = oid switch
            {
                "1.2.840.113549.1.1.4" => (HashAlgorithmName.MD5, false),
                "1.2.840.113549.1.1.5" => (HashAlgorithmName.SHA1, false),
                "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, false),
                "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, false),
                "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, false),
                "1.2.840.10045.4.1" => (HashAlgorithmName.SHA1, true),
                "1.2.840.10045.4.3.2" => (HashAlgorithmName.SHA256, true),
                "1.2.840.10045.4.3.3" => (HashAlgorithmName.SHA384, true),
                "1.2.840.10045.4.3.4" => (HashAlgorithmName.SHA512, true),
                _ => null,
            };
            if (scheme is not { } s)
            {
                return null;
            }

            if (s.ecdsa)
            {
                using ECDsa? ec = cert.GetECDsaPublicKey();
                return ec?.VerifyData(tbs.Span, signature, s.hash, DSASignatureFormat.Rfc3279DerSequence);
            }

            using RSA? rsa = cert.GetRSAPublicKey();
            return rsa?.VerifyData(tbs.Span, signature, s.hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return null; // algorithm or key the platform cannot check: step 3 not run
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
