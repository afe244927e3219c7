namespace AutoRespond.Simulation.Protocols;

/// <summary>
/// Self-signed X.509 certificates (DER, RSA 2048, SHA-256), generated once and embedded so that captures stay
/// byte-identical for a seed: RSA key generation cannot be seeded. Issuer equals subject and each is signed with
/// its own key (DETECTION.md §1.7: self-issued, and verifiable with its own key). Generated with Python
/// cryptography 48 (x509.CertificateBuilder), validity chosen around the scenarios' dates.
/// </summary>
internal static class Certificates
{
    /// <summary>OpenSSL's default subject (C=AU, ST=Some-State, O=Internet Widgits Pty Ltd), 10 years, CA:TRUE: a C2 server's quick certificate.</summary>
    public static readonly byte[] InternetWidgits = Decode("""
        MIIDYTCCAkmgAwIBAgIKPB4qnwt9ROGiszANBgkqhkiG9w0BAQsFADBFMQswCQYDVQQGEwJBVTETMBEGA1UECAwKU29tZS1TdGF0ZTEh
        MB8GA1UECgwYSW50ZXJuZXQgV2lkZ2l0cyBQdHkgTHRkMB4XDTI2MTAyNzE0MDMxMVoXDTM2MTAyNDE0MDMxMVowRTELMAkGA1UEBhMC
        QVUxEzARBgNVBAgMClNvbWUtU3RhdGUxITAfBgNVBAoMGEludGVybmV0IFdpZGdpdHMgUHR5IEx0ZDCCASIwDQYJKoZIhvcNAQEBBQAD
        ggEPADCCAQoCggEBALKihuI/MAzeIai/qj3Twtg4eW5CCez5D71SciEvmyTN2OqulGoPPLJiFRxif1ee/73OeSzV8F3LXrn2dcgHkzM7
        wd3OCfwbWeHVqBT7GfEpMufi8OKB/95eylq0c5txaez+q1s1FUbNras7RTORpiolR9tRto4ELQBY/h88gUlkSbmQPWCi32i+4gxwRLqq
        X/QUwkrjVZWbpOwPvim+ETFIJsZYFUlOiHCPjyR3ofLdiiuUSmGLH3gcgLb1t20LQCNgY2DDZZBqL6sfzbIPkiiMPLAlaaiMTTwi4+dw
        fXi1yDwuCcTJdV3b4EKCJhmFIRQCMzHH1PnHXdNngPjPns8CAwEAAaNTMFEwHQYDVR0OBBYEFGuqrJEHjwrvzIp0y6+icdlM+9JGMB8G
        A1UdIwQYMBaAFGuqrJEHjwrvzIp0y6+icdlM+9JGMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBAGTzNfG8C5ILxQX3
        kj/riGpasjooelqMS/U27rd5WKBesjxRa8FygztCSFoOyMWUcKmUNHUQv/wDVarBK1gn6Tr1p9+si9WEK/zPA2whf9ccrvYIBJoUL81J
        R4OdO85434jRtFQ2309lIICff//io2KXB97+qzrKoqq6haxrJMOYV4PWw039CsQT5/+TuMaZdcaykMbcwkgKoPSA8aNIxHhwitnMhJbf
        aOJS+ZSpm47Rnh8OIpVXT13J+4oqrOt3m1Jmo6TQZemZilWeoNWogWAY4cUdzY9KrwdKnt3A3ht+8lkHOo1C/uXePx5X58chsdNoWnMz
        x2OG4AXwxAbuie0=
        """);

    /// <summary>CN=localhost, 1 year: the certificate of a C2 framework left at its default.</summary>
    public static readonly byte[] Localhost = Decode("""
        MIICpTCCAY2gAwIBAgIFWhfD4tkwDQYJKoZIhvcNAQELBQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTI2MTAzMDA5MTI0MFoXDTI3
        MTAzMDA5MTI0MFowFDESMBAGA1UEAwwJbG9jYWxob3N0MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArQSJhaH4pn2CVTF7
        0Dq/vU6vztnDrLieXigP7xB+MxbbeJeWgrK1WHogRCP1T6zSC4uo0VADBQ4r8f77JmLKh/DcbnTAb/sC3uyU5IcElO9RxlSThhKVUTp/
        acGwHnHTVxH0+j88+66O8T8Y4oB0Pc4MR31VS7bz58UU78xc/YG6MLOxKAyNabQnX3wwqmC5eL1Fb2l2AsCJ944/S/XRwNVw9YjQAwQR
        kXWJINjHKbX/WXh3xausHgMwB5O3wpDUeTZI/C2Ebgk4TkKd9uELc9xya/XT7mUXGrxU8CtcyV1Yp1bCXBgV4rIkgc9ievQBk0YzzJBd
        u1REHl/v4umCJwIDAQABMA0GCSqGSIb3DQEBCwUAA4IBAQB0Rwf9lR71COeyqxIBZ76Jd67E0LCgDxFauF8Ia2wDdrMote+5aTRidi6e
        2fa2G/zjKmxg8p5heuVylQvHjZT/2IloZVotoLCmIO2OB1SaBHmrypETafIa0o5XkIcZLVhuanzgFiyeTPvH2VoC6LTh/pPXD1zFzpaN
        zS5YdA2E40gSHJX6pX2TLPeiflpMdbpIP8i34kTSBvluPNF2zEsnTTjB3dg4TFxNruJPIdqxpIddTv1tkn342X/Ki9YVOD23vu/Shs7K
        yhJZTqcP7FNQplqABCw7/x1a+XQQqQI8GjbdpNkkAhFH40CCSzls2iWHGs+yeAsIg/r2T8RCcokk
        """);

    /// <summary>CN=api-gw, O=Web Services, San Francisco, 5 years: a C2 server dressed as a web service.</summary>
    public static readonly byte[] ApiGateway = Decode("""
        MIIDiTCCAnGgAwIBAgIIcdSqDJPlsPIwDQYJKoZIhvcNAQELBQAwWjELMAkGA1UEBhMCVVMxCzAJBgNVBAgMAkNBMRYwFAYDVQQHDA1T
        YW4gRnJhbmNpc2NvMRUwEwYDVQQKDAxXZWIgU2VydmljZXMxDzANBgNVBAMMBmFwaS1ndzAeFw0yNjEwMjEyMjQ3MDVaFw0zMTEwMjAy
        MjQ3MDVaMFoxCzAJBgNVBAYTAlVTMQswCQYDVQQIDAJDQTEWMBQGA1UEBwwNU2FuIEZyYW5jaXNjbzEVMBMGA1UECgwMV2ViIFNlcnZp
        Y2VzMQ8wDQYDVQQDDAZhcGktZ3cwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDr9vMGoeueyMhQrfiK+sGfEZeuC+svV0Bb
        b5GWQF/tps8rk6TOIkOk6RkQIxg4OMeL5irIVv/dcsMmpwEo8t6oUXcD4/vpDu2uKSnGLHZs+GMZ+CZcfY1eOZ7IR8v+XlgKq7BtPkLy
        M1WvhA2EwbuJPynr1scTRCQRtnppsHRDPZLP+u2ZMIzS54erOXHGbUdJVHGjCcVwhTDOYB78lZmZ9ukZOjNfLuMqpx+M1wOPP+AL9eRK
        9s5vn2QgV3Gus9uIP6stKnAg93ZH9FF0mG0rjw7KfMOGRylyrFIM96WFJ1MxqUNo29eGy9eZw5iPLVb4WG2ZItJOp3A7ZpqApGx9AgMB
        AAGjUzBRMB0GA1UdDgQWBBQQaSWusLQMf7Hb3wYbn/G9ZvjCHjAfBgNVHSMEGDAWgBQQaSWusLQMf7Hb3wYbn/G9ZvjCHjAPBgNVHRMB
        Af8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQDFZal+LTcOp151mPhPjyjP89tyShWYBCMjS61ggV3UqnJV62LtUddHM8tXLA+zsjpe
        3MUAfsKvHteUd4I5mxWiBRTu0STp9gvTUbe9qfaYfFI/wRrMSH7eanFAU5MqvmgFdO4xXkIbd7HlGLeLJf7b2w7wKJrTJ2IT9F9tENuu
        9rgOTqI3KdQ+sBODdsrnM0mYZyxaFbecqvCUbVyzH2B1G6X4reWi7ZkyVe094Y9BxCSPGfHPeLuHbQg2albwD5hTKvHtzJaMAFkdLIjh
        46CBgJR1gc4aMBlXSxOlLdpRYnPtpKJOOeBQygO/KXMgH7P0rDBifPmTPNXGHBptCvHJ
        """);

    /// <summary>CN=WINCC01, 6 months, server authentication: the self-signed certificate Windows makes for Remote Desktop.</summary>
    public static readonly byte[] Wincc01 = Decode("""
        MIIC0jCCAbqgAwIBAgIQH3wOk7WoTSyeYdBbOn9MKDANBgkqhkiG9w0BAQsFADASMRAwDgYDVQQDDAdXSU5DQzAxMB4XDTI2MDYxNDAz
        MjAxOFoXDTI2MTIxNDAzMjAxOFowEjEQMA4GA1UEAwwHV0lOQ0MwMTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBANft2yP+
        DwttJJEXvIKmEq+t6B5vAEEpJPxzWw7CT5UDVlx+C6DPOFAyp2tWgowSGalHIOlrrYP/d7HItaMqkjk1Rdaf/z8T/Uibll7oRMuNBRmz
        e0JdbuDg/gSbnD8WJDymM0/Suk1E6RaEbuXYas6BM+ybiTQGh70BOfZs6Gc75higfDaEdhWXuOC3CEnA9Jbxt4ScUIt5ce8rhFXSkGSQ
        2z7nohKWDZlncADRma09Y+Q7xtGyRqXujzZtOofS2nR3S4d1D31Z3zL0gNgzaFlUqP3gOYeKwWIfdr2SXzHmoHO42GWLIJ883lWB3Q+T
        /xLfan5bWWXMec1zdmFOgqcCAwEAAaMkMCIwCwYDVR0PBAQDAgQwMBMGA1UdJQQMMAoGCCsGAQUFBwMBMA0GCSqGSIb3DQEBCwUAA4IB
        AQDSbcs2m2msPt4LAczrkWsKTXwYwbk6/OAiBTXbduguQWp4Gs//phIXwkWI5dhvwUGGu2tjivBP363Fl7jOt0b54HlAAgUo713PsYTR
        BI47jKZ6D5CyAA/0MPRFe7rfFVprq616775SGSQnpC6WfAVNm9z+kU4fAb4rWDpLIienLS1gAN01jzvYbQJnzD6fC4lR5bmCxxeAr8PP
        mId/MK+TLmEL4W34CMWzGizEHZQJrGngKvyrjwalpYDrT8Cu6KAyBMpw5eXYV8O0T3aUsVI/TXTn1QVM3RjaXDgcu0R4fJ6HEGbmRzAG
        +u7W1vZLe2rfR7Y2kojBrRxcZXHabmLp
        """);

    /// <summary>CN=EHR-APP01.hospital.example, 6 months, server authentication: Remote Desktop's self-signed certificate.</summary>
    public static readonly byte[] EhrApp01 = Decode("""
        MIIC+DCCAeCgAwIBAgIQTgp3wtG5TzqOHF1rei+eAzANBgkqhkiG9w0BAQsFADAlMSMwIQYDVQQDDBpFSFItQVBQMDEuaG9zcGl0YWwu
        ZXhhbXBsZTAeFw0yNjA5MDIwMTE0NTVaFw0yNzAzMDQwMTE0NTVaMCUxIzAhBgNVBAMMGkVIUi1BUFAwMS5ob3NwaXRhbC5leGFtcGxl
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAlqaf+6SZJLcNAX08DabQDMXz3KHNf823RLnmx7zxKna2E1qlye9MgVS3h29u
        KMxUPPzSI3DJuqQDvh2RB3mE774qYuxaOZ6t5VGN5tQajygzPuC15fI3O84EsTrrSmHyY6rffwUcJcYo1sukFlPsFezhW41I8F2eHxmT
        CfoaXxBgTlBI++078+5C43+SzpobqpwqagOkp7XDL/wZUckEfR5AzoQ/uW2mMcqNpS1EWjBq2pN5ZwFz90DvltoVlLtJAZen+U9BFFYW
        ZKFTevRsIJLOfxL+ZX0xXzSe8lY+fS2LesREZZwym/6RHlfvjE1hj1I5vRG3UlltiRcHTKQRjwIDAQABoyQwIjALBgNVHQ8EBAMCBDAw
        EwYDVR0lBAwwCgYIKwYBBQUHAwEwDQYJKoZIhvcNAQELBQADggEBAI/j0xrVuSe0oI1UalEgR5OzY9ImilmnW6eqGD2LB9AdmLjUTEp/
        a5wYtzXVlYUGMIF3WxBEdRDwnFVwISGQgH6IZqH5eYb9Iz498ef/s2rbIUhCSpjn/mrsxchdtS3J7gy2yqQWnTwDSMWZxlbVRYnOjV29
        J4eAm8dBfjwdJA2w02FWNwL3LM9nvAN/bWjDA1hp2odia5ij6DiqKjihKY0jFmuRs1BrXQ7SIEqNo51YkTN93rWwM6QKYTmnbS2E9ZUa
        +sXeAx35Dr82EmuRNgYL8BYl3TVNc0yE4WVwJxNceA+KM1h909hWyu5YZA2Xs8e+JuP2LS49rkLuvcxdDGs=
        """);

    /// <summary>CN=EHR-APP02.hospital.example, 6 months, server authentication: Remote Desktop's self-signed certificate.</summary>
    public static readonly byte[] EhrApp02 = Decode("""
        MIIC+DCCAeCgAwIBAgIQK12eQcB6T2uT2OKh9Me1YDANBgkqhkiG9w0BAQsFADAlMSMwIQYDVQQDDBpFSFItQVBQMDIuaG9zcGl0YWwu
        ZXhhbXBsZTAeFw0yNjA5MDIwMTE2MDdaFw0yNzAzMDQwMTE2MDdaMCUxIzAhBgNVBAMMGkVIUi1BUFAwMi5ob3NwaXRhbC5leGFtcGxl
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvywqTuNlmBX698WVWguOJvODJ20mrSTeMEVnYof+EeVkFY54mhF2isU34NV6
        vWIzFH79/tQ6fq/jRMlc4bRFeU6ZzCDTYwbOeyCJU5xxYslqlErcE5i/e6Leb8M2Rva1CnczzhC5XJT8iI8+kpxGhEggl+/kx6hYz6zA
        DhjxqIG9dD8JHmMtb6ep1Y4PYUkCt6Tj55cml1GgRxjLt8v6isQUwxKNjZkR23nPN2XmsE9dDEFWJbpvE1GVycT9m8GjxwTNyXp5ri6V
        uHp/Ny4UG4HLzP5p0Q+vdeCIsG5kZsFjS8nZxTVXjH/Lhkra8T4T26nFEqolQjmlsSdNHhjERwIDAQABoyQwIjALBgNVHQ8EBAMCBDAw
        EwYDVR0lBAwwCgYIKwYBBQUHAwEwDQYJKoZIhvcNAQELBQADggEBAJeBVg7vRz+LhlE+d/0IIGMFcEsjsZKbCdko7KCF2wmqDEdhD8gw
        X9B62FuQTfSW5e3g5d9QFRzUgAcCDf+eFYTuWJ8u9wfIz/z8ozwk7721/hbi6IboBo8L6fxhiQDF3AzEo/jS8l2qG/slcTQJ/01w8kcr
        3slH8vN2ny747/X96d5T49dNKHpdHB1emRke8cEjuKgUravEsdTm0p+PwGygZP6N+RiQcNWUGWMB5Z2epkRoz1cv+dV26KLT4ShUuVI2
        AKxyI1vc6+nAXlw3zJ42SRKj7i/wfBr3V1bAJlKanrO4q4/fK7k5u5I6rZ450nWT65TDzoib86KaRLtXzKs=
        """);

    /// <summary>The certificates C2 servers present, for scenarios that pick among them.</summary>
    public static IReadOnlyList<byte[]> CommandAndControl { get; } = [InternetWidgits, Localhost, ApiGateway];

    private static byte[] Decode(string base64) => Convert.FromBase64String(base64.ReplaceLineEndings(""));
}
