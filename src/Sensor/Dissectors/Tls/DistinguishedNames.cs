using System.Formats.Asn1;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>
/// Formats an X.501 Name like OpenSSL's X509_NAME_print_ex with XN_FLAG_RFC2253 (and UTF-8 left unescaped), which is
/// what Zeek's x509.log shows: last RDN first, ',' between RDNs, '+' inside a multi-valued RDN, short attribute
/// names, RFC 2253 escapes, control characters as \XX.
/// </summary>
internal static class DistinguishedNames
{
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["2.5.4.3"] = "CN", ["2.5.4.4"] = "SN", ["2.5.4.5"] = "serialNumber", ["2.5.4.6"] = "C", ["2.5.4.7"] = "L",
        ["2.5.4.8"] = "ST", ["2.5.4.9"] = "street", ["2.5.4.10"] = "O", ["2.5.4.11"] = "OU", ["2.5.4.12"] = "title",
        ["2.5.4.17"] = "postalCode", ["2.5.4.42"] = "GN", ["2.5.4.43"] = "initials", ["2.5.4.46"] = "dnQualifier",
        ["2.5.4.65"] = "pseudonym", ["0.9.2342.19200300.100.1.25"] = "DC", ["0.9.2342.19200300.100.1.1"] = "UID",
        ["1.2.840.113549.1.9.1"] = "emailAddress", ["2.5.4.15"] = "businessCategory",
        ["1.3.6.1.4.1.311.60.2.1.3"] = "jurisdictionC", ["1.3.6.1.4.1.311.60.2.1.2"] = "jurisdictionST",
        ["1.3.6.1.4.1.311.60.2.1.1"] = "jurisdictionL",
    };

    public static string Format(ReadOnlyMemory<byte> name)
    {
        var entries = new List<(int Set, string Text)>();
        try
        {
            AsnReader rdns = new AsnReader(name, AsnEncodingRules.BER).ReadSequence();
            for (int set = 0; rdns.HasData; set++)
            {
                AsnReader rdn = rdns.ReadSetOf(skipSortOrderValidation: true);
                while (rdn.HasData)
                {
                    AsnReader pair = rdn.ReadSequence();
                    string oid = pair.ReadObjectIdentifier();
                    string key = ShortNames.TryGetValue(oid, out string? s) ? s : oid;
                    entries.Add((set, key + "=" + Value(pair)));
                }
            }
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or DecoderFallbackException)
        {
            return "#" + Convert.ToHexStringLower(name.Span);
        }

        var sb = new StringBuilder();
        for (int i = entries.Count - 1; i >= 0; i--)
        {
            if (i != entries.Count - 1)
            {
                sb.Append(entries[i].Set == entries[i + 1].Set ? '+' : ',');
            }

            sb.Append(entries[i].Text);
        }

        return sb.ToString();
    }

    private static string Value(AsnReader pair)
    {
        Asn1Tag tag = pair.PeekTag();
        if (tag.TagClass == TagClass.Universal)
        {
            switch ((UniversalTagNumber)tag.TagValue)
            {
                case UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String
                    or UniversalTagNumber.BMPString or UniversalTagNumber.NumericString or UniversalTagNumber.VisibleString
                    or UniversalTagNumber.T61String:
                    return Escape(pair.ReadCharacterString((UniversalTagNumber)tag.TagValue));
            }
        }

        return "#" + Convert.ToHexString(pair.ReadEncodedValue().Span);
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (c == '#' && i == 0) || (c == ' ' && (i == 0 || i == value.Length - 1)))
            {
                sb.Append('\\').Append(c);
            }
            else if (c < 0x20 || c == 0x7F)
            {
                sb.Append('\\').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
