using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Background;

/// <summary>
/// The plant at work, day and night: the WinCC server polls every PLC (S7 Read Var over an OP connection, Modbus
/// FC 3 and FC 1) every 25–45 s on connections it re-opens every few hours; operators change a set point a few
/// times a day (S7 Write Var, Modbus FC 6); on most weekdays (always the first) the engineering station goes online to the S7 PLCs
/// (SZL reads, block list, monitoring); WinCC and the engineering station keep their clocks with NTP.
/// </summary>
internal sealed class PlantOperations(PlantSite site)
{
    private readonly Simulator _sim = site.Sim;

    /// <summary>When the PLCs last went to RUN (SZL 0x0424 reports it).</summary>
    public DateTimeOffset RunningSince { get; private set; }

    public void Schedule(DateTimeOffset start, DateTimeOffset end)
    {
        RunningSince = start.AddDays(-23).AddHours(-5.2);
        foreach (var (plc, identity) in site.S7Plcs)
        {
            var link = new Link(TimeSpan.FromSeconds(_sim.Random.Next(25, 45)));
            _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromSeconds(30)), () => PollS7(link, plc, identity, end));
            ScheduleWrites(link, start, end);
        }
        foreach (var (plc, identity) in site.ModbusPlcs)
        {
            var link = new Link(TimeSpan.FromSeconds(_sim.Random.Next(25, 45)));
            _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromSeconds(30)), () => PollModbus(link, plc, identity, end));
            ScheduleWrites(link, start, end);
        }
        bool first = true;
        for (var day = start.Date; day < end; day = day.AddDays(1))
        {
            var at = new DateTimeOffset(day, TimeSpan.Zero) + TimeSpan.FromHours(9) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(7));
            if (at < start) at = start + _sim.Between(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)); // a capture starting mid-day still sees the first visit
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || at >= end || !(first || _sim.Chance(0.7))) continue;
            _sim.At(at, EngineeringVisit);
            first = false;
        }
        foreach (var host in (SimHost[])[site.Wincc, site.Ews])
            _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(60)), () => TimeSync(host, end));
    }

    private void PollS7(Link link, SimHost plc, PlcIdentity identity, DateTimeOffset end)
    {
        if (link.S7 is null || _sim.Now >= link.Reconnect)
        {
            link.S7?.Close();
            link.S7 = S7Session.Connect(_sim, site.Wincc, plc, identity, connectionType: 2, slot: plc == site.S7Press ? 2 : 3, 0x0300, _sim.Now);
            link.Reconnect = _sim.Now + _sim.Between(TimeSpan.FromHours(2), TimeSpan.FromHours(8));
        }
        link.S7.Read([new(S7Area.DataBlock, 10, 0, 48), new(S7Area.Inputs, 0, 0, 4), new(S7Area.Outputs, 0, 0, 4), new(S7Area.Merker, 0, 100, 8)]);
        Next(link, end, () => PollS7(link, plc, identity, end));
    }

    private void PollModbus(Link link, SimHost plc, PlcIdentity identity, DateTimeOffset end)
    {
        if (link.Modbus is null || _sim.Now >= link.Reconnect)
        {
            link.Modbus?.Close();
            link.Modbus = ModbusSession.Connect(_sim, site.Wincc, plc, identity, _sim.Now);
            link.Reconnect = _sim.Now + _sim.Between(TimeSpan.FromHours(2), TimeSpan.FromHours(8));
        }
        link.Modbus.ReadRegisters(0, 24);
        if (++link.Polls % 4 == 0) link.Modbus.ReadCoils(0, 32);
        Next(link, end, () => PollModbus(link, plc, identity, end));
    }

    private void Next(Link link, DateTimeOffset end, Action poll)
    {
        var next = _sim.Now + link.Period + _sim.Between(TimeSpan.FromMilliseconds(-400), TimeSpan.FromMilliseconds(400));
        if (next < end) _sim.At(next, poll);
        else
        {
            link.S7?.Close();
            link.Modbus?.Close();
        }
    }

    /// <summary>An operator changes a set point on the HMI a few times per weekday.</summary>
    private void ScheduleWrites(Link link, DateTimeOffset start, DateTimeOffset end)
    {
        for (var day = start.Date; day < end; day = day.AddDays(1))
        {
            int writes = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : _sim.Random.Next(1, 5);
            for (int i = 0; i < writes; i++)
            {
                var at = new DateTimeOffset(day, TimeSpan.Zero) + TimeSpan.FromHours(7.5) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(9));
                if (at < start || at >= end) continue;
                _sim.At(at, () =>
                {
                    link.S7?.Write([new(S7Area.DataBlock, 10, 20 + 2 * _sim.Random.Next(4), 2)]);
                    link.Modbus?.WriteRegister((ushort)(100 + _sim.Random.Next(4)), (ushort)_sim.Random.Next(200, 900));
                });
            }
        }
    }

    /// <summary>The engineer goes online to each S7 PLC in turn: operating mode, identity, block list, then watches a DB for a while.</summary>
    private void EngineeringVisit()
    {
        var t = _sim.Now;
        foreach (var (plc, identity) in site.S7Plcs)
        {
            var session = S7Session.Connect(_sim, site.Ews, plc, identity, connectionType: 1, slot: plc == site.S7Press ? 2 : 3, 0x1D00, t);
            session.ReadSzl(0x0424, RunningSince).ReadSzl(0x0011, RunningSince).ListBlocks([3, 6, 14, 9, 1, 0, 0]);
            int reads = _sim.Random.Next(10, 40);
            for (int i = 0; i < reads; i++)
            {
                session.Connection.Wait(_sim.Between(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)));
                session.Read([new(S7Area.DataBlock, 10, 0, 48), new(S7Area.DataBlock, 20, 0, 16)]);
            }
            session.Close();
            t = session.Connection.Time + _sim.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        }
    }

    private void TimeSync(SimHost host, DateTimeOffset end)
    {
        var t = _sim.Now;
        ushort port = host.NextPort();
        _sim.Udp(t, host, site.IndustrialRouter, port, Ntp.Port, Ntp.Request(t));
        var reply = t + TimeSpan.FromMilliseconds(0.4 + _sim.Random.NextDouble());
        _sim.Udp(reply, site.IndustrialRouter, host, Ntp.Port, port, Ntp.Reply(t, reply, reply, 0xC0A80001));
        var next = t + TimeSpan.FromSeconds(3600 + _sim.Random.Next(-60, 60));
        if (next < end) _sim.At(next, () => TimeSync(host, end));
    }

    private sealed class Link(TimeSpan period)
    {
        public TimeSpan Period { get; } = period;
        public S7Session? S7 { get; set; }
        public ModbusSession? Modbus { get; set; }
        public DateTimeOffset Reconnect { get; set; }
        public int Polls { get; set; }
    }
}
