using System.Globalization;

namespace AutoRespond.Sensor.Dissectors.S7;

/// <summary>
/// S7comm-plus recognition (protocol id 0x72, DETECTION.md §1.3): version, V2/V3 integrity part, request opcode 0x31
/// with its function; responses (0x32) matched by sequence number. Requests with transport flag 0x40 expect no
/// response and are reported at once. Classes are heuristic (the object model is undocumented): Explore discover,
/// Get* read, Set*/Invoke action, Create/DeleteObject inside Begin/EndSequence reprogram, otherwise session.
/// </summary>
internal sealed partial class IsoSession
{
    private const string S7Plus = "s7comm-plus";
    private bool _plusSessionStarted;
    private bool _inSequence;

    private void OnS7CommPlus(ReadOnlySpan<byte> pdu, long ticks)
    {
        if (pdu.Length < 4)
        {
            CountMalformed();
            return;
        }

        int version = pdu[1];
        Service = Services.CotpS7Plus;
        if (version == 0xFF)
        {
            return; // keep-alive
        }

        int operation = 4;
        if (version is 0x02 or 0x03 && pdu.Length > 4 && pdu[4] == 0x20)
        {
            operation = 5 + 0x20; // integrity part: digest length 0x20 + 32-byte digest
        }

        var r = new SpanReader(pdu[Math.Min(operation, pdu.Length)..]);
        if (!r.U8(out int opcode) || !r.Skip(2) || !r.U16(out int function) || !r.Skip(2) || !r.U16(out int sequence))
        {
            CountMalformed();
            return;
        }

        ulong key = (3UL << 16) | (uint)sequence;
        switch (opcode)
        {
            case 0x31:
                bool noResponse = r.Skip(4) && r.U8(out int flags) && (flags & 0x40) != 0;
                var request = new IcsRequest(ticks, S7Plus, Classify(function, out string name), name, function,
                    "version=" + version.ToString(CultureInfo.InvariantCulture));
                if (noResponse)
                {
                    Report(request, IcsClass.Unknown);
                }
                else
                {
                    Await(key, request);
                }

                break;
            case 0x32:
                Complete(key, ReturnFailed(ref r) ? IcsClass.Failure : IcsClass.Success);
                break;
        }
    }

    private string Classify(int function, out string name)
    {
        switch (function)
        {
            case 0x04BB:
                name = "explore";
                return IcsClass.Discover;
            case 0x04CA:
                name = "create-object";
                bool first = !_plusSessionStarted;
                _plusSessionStarted = true;
                return _inSequence && !first ? IcsClass.Reprogram : IcsClass.Session;
            case 0x04D4:
                name = "delete-object";
                return _inSequence ? IcsClass.Reprogram : IcsClass.Session;
            case 0x04F2:
                name = "set-variable";
                return IcsClass.Action;
            case 0x0524:
                name = "get-link";
                return IcsClass.Read;
            case 0x0542:
                name = "set-multi-variables";
                return IcsClass.Action;
            case 0x054C:
                name = "get-multi-variables";
                return IcsClass.Read;
            case 0x0556:
                name = "begin-sequence";
                _inSequence = true;
                return IcsClass.Session;
            case 0x0560:
                name = "end-sequence";
                _inSequence = false;
                return IcsClass.Session;
            case 0x056B:
                name = "invoke";
                return IcsClass.Action;
            case 0x057C:
                name = "set-var-sub-streamed";
                return IcsClass.Action;
            case 0x0586:
                name = "get-var-sub-streamed";
                return IcsClass.Read;
            default:
                name = "unknown-0x" + function.ToString("x4", CultureInfo.InvariantCulture);
                return IcsClass.Discover;
        }
    }

    /// <summary>Response: transport flags, then the return value (VLQ); its error bit (2^62) marks a failure.</summary>
    private static bool ReturnFailed(ref SpanReader r)
    {
        if (!r.Skip(1))
        {
            return false;
        }

        ulong value = 0;
        for (int i = 0; i < 10 && r.U8(out int b); i++)
        {
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return (value & 0x4000_0000_0000_0000) != 0;
            }
        }

        return false;
    }
}
