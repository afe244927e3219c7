using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;

namespace AutoRespond.Brain.Tests.Models;

public sealed class IcsSemanticsTests
{
    [Theory]
    [InlineData("modbus", "write-single-register", "unit=1 address=40123 value=0x0010 exception=ILLEGAL_DATA_ADDRESS", "modbus:write-single-register/unit=1 address=40100")]
    [InlineData("modbus", "read-holding-registers", "unit=1 start=7 quantity=10", "modbus:read-holding-registers/unit=1 start=0")]
    [InlineData("s7comm", "read-szl", "szl=0x0011 index=0x0001", "s7comm:read-szl/szl=0x0011")]
    [InlineData("s7comm", "write-var", "items=3 DB5.DBW10[1] DB5.DBD20[1] QB1[1] item-error=0x0A", "s7comm:write-var/DB5 QB")]
    [InlineData("s7comm", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", "s7comm:download-block/block=OB1")]
    [InlineData("dnp3", "write", "objects=g50v1 iin=0x1001", "dnp3:write/objects=g50v1")]
    [InlineData("s7comm", "plc-stop", null, "s7comm:plc-stop")]
    public void Key_KeepsTargetsDropsValuesAndOutcomes(string protocol, string function, string? detail, string expected) =>
        IcsSemantics.Key(Ev.Ics(Ev.T0, "10.0.0.1", "10.0.0.2", "action", function, detail, protocol)).ShouldBe(expected);

    [Theory]
    [InlineData("s7comm", "download-block", false, ProgramDirection.ToDevice)]
    [InlineData("s7comm", "start-upload", false, ProgramDirection.FromDevice)]
    [InlineData("s7comm", "pi-service", false, ProgramDirection.ToDevice)]
    [InlineData("modbus", "umas-upload-strategy", true, ProgramDirection.ToDevice)]
    [InlineData("modbus", "umas-read-strategy", false, ProgramDirection.FromDevice)]
    public void DirectionOf_ReadsOutOnlyOnUploads(string protocol, string function, bool critical, ProgramDirection expected) =>
        IcsSemantics.DirectionOf(Ev.Ics(Ev.T0, "10.0.0.1", "10.0.0.2", "reprogram", function, null, protocol, critical: critical)).ShouldBe(expected);

    [Theory]
    [InlineData("plc-stop", false, true)]
    [InlineData("cold-restart", false, true)]
    [InlineData("write-var", false, false)]
    [InlineData("set-clock", true, true)]
    public void IsCritical_SensorFlagOrFunctionName(string function, bool flag, bool expected) =>
        IcsSemantics.IsCritical(Ev.Ics(Ev.T0, "10.0.0.1", "10.0.0.2", "action", function, critical: flag)).ShouldBe(expected);
}
