using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Sensor.Tests.Enforcement;

public sealed class ResetRuleBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecordingInjector _wire = new();
    private readonly RecordingOutcomes _outcomes = new();
    private readonly TcpResetEnforcer _enforcer;
    private readonly ResetRuleBook _book;

    public ResetRuleBookTests()
    {
        _enforcer = new TcpResetEnforcer(_wire);
        _book = new ResetRuleBook(_enforcer, _outcomes, _time);
    }

    [Fact]
    public void Apply_Command_InstallsRuleAndReportsApplied()
    {
        _book.Apply(Command("act-1", expires: T0.AddHours(1)));
        _outcomes.Seen.ShouldBe(["applied act-1"]);
        _enforcer.Rules.ShouldHaveSingleItem().Device.ShouldBe(IpAddr.Parse("10.10.0.66"));
        Inspect("10.10.0.66", "10.20.0.10").ShouldBeTrue();
        _wire.Frames.ShouldBe(2);
    }

    [Fact]
    public void Apply_SameActionTwice_OneRuleAndAlreadyInPlace()
    {
        _book.Apply(Command("act-1", expires: T0.AddHours(1)));
        _book.Apply(Command("act-1", expires: T0.AddHours(1)));
        _outcomes.Seen.ShouldBe(["applied act-1", "already-in-place act-1"]);
        _book.Count.ShouldBe(1);
    }

    [Fact]
    public void ExpireDue_AfterExpiry_RemovesRuleReportsExpiredAndStopsResets()
    {
        _book.Apply(Command("act-1", expires: T0.AddMinutes(10)));
        _time.Advance(TimeSpan.FromMinutes(9));
        _book.ExpireDue().ShouldBe(0);
        _time.Advance(TimeSpan.FromMinutes(2));
        _book.ExpireDue().ShouldBe(1);
        _outcomes.Seen.ShouldBe(["applied act-1", "expired act-1"]);
        Inspect("10.10.0.66", "10.20.0.10").ShouldBeFalse();
    }

    [Fact]
    public void Release_ReportsRevertedAndStopsResets()
    {
        _book.Apply(Command("act-1", expires: null));
        _book.Release(new RevertAction(Header("act-1", null), "analyst released it"));
        _outcomes.Seen.ShouldBe(["applied act-1", "reverted act-1"]);
        _enforcer.Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_BadAddress_FailsWithoutRule()
    {
        _book.Apply(new ResetConnections(Header("act-9", null), "not-an-ip", null));
        _outcomes.Seen.ShouldBe(["failed act-9"]);
        _enforcer.Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_WithPeer_OnlyThatPairIsReset()
    {
        _book.Apply(new ResetConnections(Header("act-2", T0.AddHours(1)), "10.10.0.66", "10.20.0.10"));
        Inspect("10.10.0.66", "10.20.0.99").ShouldBeFalse();
        Inspect("10.20.0.10", "10.10.0.66").ShouldBeTrue();
    }

    private bool Inspect(string source, string destination)
    {
        var buffer = new byte[FrameBuilder.MaxLength(10)];
        var eth = new EthernetSpec(new MacAddress(0x020000000001), new MacAddress(0x020000000002));
        var tcp = new TcpSpec(50000, 102, TcpFlags.Ack | TcpFlags.Psh, 1000, 2000);
        int length = FrameBuilder.Tcp(buffer, eth, new IpSpec(IpAddr.Parse(source), IpAddr.Parse(destination)), tcp, new byte[10]);
        new PacketDecoder().TryDecode(LinkTypes.Ethernet, buffer.AsSpan(0, length), out var packet).ShouldBeTrue();
        return _enforcer.Inspect(packet, _time.GetUtcNow().UtcTicks);
    }

    private static ResetConnections Command(string id, DateTimeOffset? expires) => new(Header(id, expires), "10.10.0.66", null);

    private static ActionHeader Header(string id, DateTimeOffset? expires) =>
        new(id, "inc-1", ActionKinds.TcpReset, "10.10.0.66", T0, expires, "score 0.85", 1);

    private sealed class RecordingInjector : IPacketInjector
    {
        public int Frames { get; private set; }
        public MacAddress HardwareAddress => new(0x02000000AAAA);
        public void Inject(ReadOnlySpan<byte> frame) => Frames++;
    }

    private sealed class RecordingOutcomes : IActionOutcomeSink
    {
        public List<string> Seen { get; } = [];
        public void Applied(ActionApplied o) => Seen.Add("applied " + o.ActionId);
        public void AlreadyInPlace(ActionAlreadyInPlace o) => Seen.Add("already-in-place " + o.ActionId);
        public void Failed(ActionFailed o) => Seen.Add("failed " + o.ActionId);
        public void Reverted(ActionReverted o) => Seen.Add("reverted " + o.ActionId);
        public void Expired(ActionExpired o) => Seen.Add("expired " + o.ActionId);
    }
}
