using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Network;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Background;

/// <summary>
/// A hospital around the clock: clinical workstations open patient records on the EHR servers (TLS, load
/// balanced between the two), use the internet and the file server, busiest on the day shift; the admin server
/// checks both EHR servers every 15 minutes and collects their logs at night.
/// </summary>
internal sealed class ClinicalWork(ClinicalSite site)
{
    private readonly Simulator _sim = site.Sim;

    public void Schedule(DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var ws in site.Workstations)
        {
            _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(20)), () => Work(ws, end));
            _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(4)), () => Renew(ws, end));
        }
        _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(15)), () => HealthCheck(end));
        for (var day = start.Date; day < end; day = day.AddDays(1))
        {
            var at = new DateTimeOffset(day, TimeSpan.Zero) + TimeSpan.FromHours(2) + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(30));
            if (at >= start && at < end) _sim.At(at, CollectLogs);
        }
    }

    private void Work(SimHost ws, DateTimeOffset end)
    {
        var r = _sim.Random;
        double x = r.NextDouble();
        var t = _sim.Now;
        if (x < 0.65)
        {
            t = site.Dns.Resolve(ws, ClinicalSite.EhrName, t);
            Browse(_sim, ws, r.Next(2) == 0 ? site.EhrApp1 : site.EhrApp2, ClinicalSite.EhrName, (int)(4_000 * Math.Pow(20, r.NextDouble() * r.NextDouble())), t);
        }
        else if (x < 0.9)
        {
            var service = site.Internet.Pick(r);
            t = site.Dns.Resolve(ws, service.Name, t);
            Browse(_sim, ws, service.Host, service.Name, (int)(service.MinBytes * Math.Pow((double)service.MaxBytes / service.MinBytes, Math.Pow(r.NextDouble(), 3))), t);
        }
        else
        {
            t = site.Dns.Resolve(ws, "fs-clin.hospital.example", t);
            var smb = SmbSession.Connect(_sim, ws, site.FileServer, @"\\FS-CLIN\Forms", t);
            smb.ReadFile($@"Forms\consent-{r.Next(1, 40):D2}.pdf", r.Next(30_000, 250_000)).Close();
        }
        double hour = _sim.Now.TimeOfDay.TotalHours;
        double perHour = hour is >= 7 and < 19 ? 7 : hour is >= 19 and < 23 ? 3.5 : 1.2;
        var next = _sim.Now + _sim.Exponential(TimeSpan.FromHours(1 / perHour));
        if (next < end) _sim.At(next, () => Work(ws, end));
    }

    private void Renew(SimHost ws, DateTimeOffset end)
    {
        site.Dhcp.Renew(ws, _sim.Now);
        var next = _sim.Now + TimeSpan.FromHours(4);
        if (next < end) _sim.At(next, () => Renew(ws, end));
    }

    private void HealthCheck(DateTimeOffset end)
    {
        var t = _sim.Now;
        foreach (var (server, name) in new[] { (site.EhrApp1, "ehr-app01.hospital.example"), (site.EhrApp2, "ehr-app02.hospital.example") })
        {
            t = site.Dns.Resolve(site.Admin, name, t);
            t = Browse(_sim, site.Admin, server, name, _sim.Random.Next(900, 2_500), t).Time + Ms(_sim.Random, 5, 50);
        }
        var next = _sim.Now + TimeSpan.FromMinutes(15) + _sim.Between(TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
        if (next < end) _sim.At(next, () => HealthCheck(end));
    }

    private void CollectLogs()
    {
        var t = _sim.Now;
        foreach (var server in (SimHost[])[site.EhrApp1, site.EhrApp2])
        {
            var smb = SmbSession.Connect(_sim, site.Admin, server, $@"\\{server.Name}\Logs$", t);
            smb.ReadFile($@"app\ehr-{_sim.Now.AddDays(-1):yyyyMMdd}.log.gz", _sim.Random.Next(150_000, 700_000)).Close();
            t = smb.Connection.Time + Ms(_sim.Random, 100, 900);
        }
    }
}
