using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Network;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Background;

/// <summary>
/// IT maintenance on the office network: every night the backup server pulls the day's files from the file
/// server over SMB on jumbo frames (tens of MB), the patch server (WSUS) synchronises with Microsoft, and
/// every weekday each PC checks in with it on 8531 (TLS) and downloads the day's definition updates.
/// </summary>
internal sealed class Maintenance(PlantSite site)
{
    private readonly Simulator _sim = site.Sim;

    public void Schedule(DateTimeOffset start, DateTimeOffset end)
    {
        site.Dns.Register("wsus01.corp.example", site.Patch, 3600, external: false);
        var sync = SimHost.External("sws.update.microsoft.com", "20.72.235.82", 21, HostStack.Windows);
        site.Dns.Register(sync.Name, sync, 300);
        for (var day = start.Date; day < end; day = day.AddDays(1))
        {
            var midnight = new DateTimeOffset(day, TimeSpan.Zero);
            var backup = midnight + TimeSpan.FromHours(1) + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(20));
            if (backup >= start && backup < end) _sim.At(backup, Backup);
            var wsus = midnight + TimeSpan.FromHours(3) + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(30));
            if (wsus >= start && wsus < end)
            {
                _sim.At(wsus, () =>
                {
                    var t = site.Dns.Resolve(site.Patch, sync.Name, _sim.Now);
                    Browse(_sim, site.Patch, sync, sync.Name, _sim.Random.Next(2_000_000, 6_000_000), t);
                });
            }
            foreach (var pc in site.Pcs)
            {
                var checkIn = midnight + TimeSpan.FromHours(9) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(7));
                if (checkIn >= start && checkIn < end && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    _sim.At(checkIn, () => PatchCheckIn(pc));
            }
        }
    }

    private void Backup()
    {
        var t = site.Dns.Resolve(site.Backup, "fs01.corp.example", _sim.Now);
        var smb = SmbSession.Connect(_sim, site.Backup, site.FileServer, @"\\FS01\Projects", t, mss: 8960);
        int files = _sim.Random.Next(3, 7);
        for (int i = 0; i < files; i++) smb.ReadFile($@"Backup\{_sim.Now:yyyyMMdd}\set-{i:D2}.vbk", _sim.Random.Next(2_000_000, 6_000_000));
        smb.Close();
    }

    private void PatchCheckIn(SimHost pc)
    {
        var t = site.Dns.Resolve(pc, "wsus01.corp.example", _sim.Now);
        int bytes = _sim.Random.Next(100_000, 700_000);
        Browse(_sim, pc, site.Patch, "wsus01.corp.example", bytes, t, port: 8531);
    }
}
