using System.Buffers.Binary;

namespace AutoRespond.Fuzz;

/// <summary>
/// Finds the length (and a few type) fields of a frame: IPv4 IHL, total length and fragment field, IPv6 payload
/// length and next header, TCP data offset and flags, UDP length; then, by content and port, TPKT, COTP, S7comm
/// parameter/data lengths, S7comm-plus length, RDP negotiation length, Modbus MBAP protocol id and length, DNP3 length,
/// EtherNet/IP length and CPF item count/length, TLS record, handshake, session-id, cipher-suite, compression,
/// extensions and per-extension lengths, certificate list lengths, and DHCP option lengths.
/// </summary>
internal static class LengthFields
{
    public static void Find(ReadOnlySpan<byte> f, in PacketLayout l, List<LengthField> fields)
    {
        fields.Clear();
        int ip = l.L3;
        if (l.IpVersion == 4)
        {
            fields.Add(new("ipv4.ihl", ip, 4));
            fields.Add(new("ipv4.total-length", ip + 2, 16));
            fields.Add(new("ipv4.fragment", ip + 6, 16));
        }
        else
        {
            fields.Add(new("ipv6.payload-length", ip + 4, 16));
            fields.Add(new("ipv6.next-header", ip + 6, 8));
        }

        if (l.Payload < 0)
        {
            return;
        }

        if (l.Protocol == 6)
        {
            fields.Add(new("tcp.data-offset", l.L4 + 12, 4, Shift: 4));
            fields.Add(new("tcp.flags", l.L4 + 13, 8));
        }
        else
        {
            fields.Add(new("udp.length", l.L4 + 4, 16));
        }

        ReadOnlySpan<byte> p = f[l.Payload..l.PayloadEnd];
        int at = l.Payload;
        if (p.Length >= 4 && p[0] == 3 && p[1] == 0)
        {
            Tpkt(p, at, fields);
        }

        if (l.HasPort(502) && p.Length >= 6)
        {
            fields.Add(new("mbap.protocol-id", at + 2, 16));
            fields.Add(new("mbap.length", at + 4, 16));
        }

        if (p.Length >= 3 && p[0] == 0x05 && p[1] == 0x64)
        {
            fields.Add(new("dnp3.length", at + 2, 8));
        }

        if (l.HasPort(44818) && p.Length >= 4)
        {
            fields.Add(new("enip.length", at + 2, 16, LittleEndian: true));
            if (p.Length >= 36)
            {
                fields.Add(new("cpf.item-count", at + 30, 16, LittleEndian: true));
                fields.Add(new("cpf.item-length", at + 34, 16, LittleEndian: true));
            }
        }

        if (p.Length >= 5 && p[0] is >= 20 and <= 23 && p[1] == 3)
        {
            Tls(p, at, fields);
        }

        if ((l.HasPort(67) || l.HasPort(68)) && p.Length > 240 && BinaryPrimitives.ReadUInt32BigEndian(p[236..]) == 0x63825363)
        {
            for (int o = 240, n = 0; o + 1 < p.Length && n < 12 && p[o] != 0xFF; n++)
            {
                if (p[o] == 0)
                {
                    o++;
                    continue;
                }

                fields.Add(new("dhcp.option-length", at + o + 1, 8));
                o += 2 + p[o + 1];
            }
        }
    }

    private static void Tpkt(ReadOnlySpan<byte> p, int at, List<LengthField> fields)
    {
        fields.Add(new("tpkt.length", at + 2, 16));
        if (p.Length < 6)
        {
            return;
        }

        fields.Add(new("cotp.length", at + 4, 8));
        if (p[5] == 0xF0 && p.Length >= 8)
        {
            if (p[7] == 0x32 && p.Length >= 17)
            {
                fields.Add(new("s7.param-length", at + 13, 16));
                fields.Add(new("s7.data-length", at + 15, 16));
            }
            else if (p[7] == 0x72 && p.Length >= 11)
            {
                fields.Add(new("s7plus.length", at + 9, 16));
            }
        }
        else if ((p[5] & 0xF0) == 0xE0 && p.Length >= 19 && p[^8] == 0x01 && p[^6] == 0x08)
        {
            fields.Add(new("rdp.negotiation-length", at + p.Length - 6, 16, LittleEndian: true));
        }
    }

    private static void Tls(ReadOnlySpan<byte> p, int at, List<LengthField> fields)
    {
        fields.Add(new("tls.record-length", at + 3, 16));
        if (p[0] != 22 || p.Length < 9)
        {
            return;
        }

        fields.Add(new("tls.handshake-length", at + 6, 24));
        int type = p[5];
        if (type == 11 && p.Length >= 15)
        {
            fields.Add(new("tls.certificates-length", at + 9, 24));
            fields.Add(new("tls.certificate-length", at + 12, 24));
            return;
        }

        if (type is not (1 or 2))
        {
            return;
        }

        int o = 9 + 2 + 32; // version, random
        if (o >= p.Length)
        {
            return;
        }

        fields.Add(new("tls.session-id-length", at + o, 8));
        o += 1 + p[o];
        if (type == 1)
        {
            if (o + 2 > p.Length)
            {
                return;
            }

            fields.Add(new("tls.cipher-suites-length", at + o, 16));
            o += 2 + BinaryPrimitives.ReadUInt16BigEndian(p[o..]);
            if (o >= p.Length)
            {
                return;
            }

            fields.Add(new("tls.compression-length", at + o, 8));
            o += 1 + p[o];
        }
        else
        {
            o += 3; // cipher suite, compression method
        }

        if (o + 2 > p.Length)
        {
            return;
        }

        fields.Add(new("tls.extensions-length", at + o, 16));
        o += 2;
        for (int n = 0; o + 4 <= p.Length && n < 24; n++)
        {
            fields.Add(new("tls.extension-length", at + o + 2, 16));
            if (BinaryPrimitives.ReadUInt16BigEndian(p[o..]) == 0 && o + 6 <= p.Length)
            {
                fields.Add(new("tls.sni-list-length", at + o + 4, 16));
            }

            o += 4 + BinaryPrimitives.ReadUInt16BigEndian(p[(o + 2)..]);
        }
    }
}
