using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Network;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Background;

/// <summary>
/// Office PCs at work: on each weekday a PC starts between 07:00 and 09:00 (DHCP, DNS, sign-in, mail, the file
/// share), then browses, reads and saves files and prints, at a rate that follows the day (busy mornings,
/// lunch dip, quiet evening), and shuts down between 16:00 and 18:30. A few PCs stay on overnight and only
/// check in with update and telemetry services. The printer is off now and then: print jobs then fail.
/// </summary>
internal sealed class OfficeWorkers(PlantSite site, string[] shares)
{
    private readonly Simulator _sim = site.Sim;
    private readonly Dictionary<SimHost, SmbSession?> _smb = [];
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _printerOff = [];

    /// <summary>Plans the afternoons the printer is off (about every other day) in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void PlanPrinterOutages(DateTimeOffset start, DateTimeOffset end)
    {
        for (var day = start.Date; day < end; day = day.AddDays(1))
        {
            var midnight = new DateTimeOffset(day, TimeSpan.Zero);
            if (_sim.Chance(0.5)) _printerOff.Add((midnight.AddHours(_sim.Random.Next(9, 15)), midnight.AddHours(15.5 + _sim.Random.NextDouble())));
        }
    }

    /// <summary>Schedules the working days of <paramref name="pcs"/> in [<paramref name="start"/>, <paramref name="end"/>); every fourth PC stays on overnight.</summary>
    public void Schedule(IReadOnlyList<SimHost> pcs, DateTimeOffset start, DateTimeOffset end)
    {
        for (int i = 0; i < pcs.Count; i++)
        {
            var pc = pcs[i];
            bool alwaysOn = i % 4 == 3;
            for (var day = start.Date; day < end; day = day.AddDays(1))
            {
                var midnight = new DateTimeOffset(day, TimeSpan.Zero);
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || _sim.Chance(0.06)) continue; // weekend, day off
                var arrive = midnight + TimeSpan.FromHours(7) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(2));
                var leave = midnight + TimeSpan.FromHours(16) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(2.5));
                bool boot = !alwaysOn || day == start.Date;
                if (arrive >= start && arrive < end) _sim.At(arrive, () => Arrive(pc, leave, boot));
            }
            if (alwaysOn) _sim.At(start + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(1)), () => Idle(pc, end));
        }
    }

    /// <summary>A PC new to the network joins with DHCP at <paramref name="time"/> and works like the others until <paramref name="leave"/>.</summary>
    public void Newcomer(SimHost pc, DateTimeOffset time, DateTimeOffset leave) => _sim.At(time, () =>
    {
        var t = site.Dhcp.Join(pc, time);
        _sim.At(t + TimeSpan.FromSeconds(2), () => Arrive(pc, leave, boot: false));
    });

    private void Arrive(SimHost pc, DateTimeOffset leave, bool boot)
    {
        var r = _sim.Random;
        var t = boot ? site.Dhcp.Reboot(pc, _sim.Now) + TimeSpan.FromSeconds(r.Next(5, 40)) : _sim.Now;
        foreach (string name in (string[])["login.microsoftonline.com", "settings-win.data.microsoft.com", "outlook.office365.com"])
        {
            var service = site.Internet.Find(name);
            t = site.Dns.Resolve(pc, name, t);
            t = Browse(_sim, pc, service.Host, name, Volume(service), t).Time + Ms(r, 50, 900);
        }
        var file = site.Dns.Resolve(pc, "fs01.corp.example", t);
        _smb[pc] = SmbSession.Connect(_sim, pc, site.FileServer, shares[r.Next(shares.Length)], file);
        _sim.At(_sim.Now + TimeSpan.FromHours(4) + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(5)), () => Renew(pc, leave));
        _sim.At(t + _sim.Exponential(TimeSpan.FromMinutes(3)), () => Work(pc, leave));
        _sim.At(leave, () => Leave(pc));
    }

    private void Work(SimHost pc, DateTimeOffset leave)
    {
        if (_sim.Now >= leave) return;
        var r = _sim.Random;
        double x = r.NextDouble();
        if (x < 0.74) Web(pc, _sim.Now);
        else if (x < 0.97 && _smb.GetValueOrDefault(pc) is { } smb)
        {
            string file = $@"{Pick(Folders)}\{Pick(Names)}-{r.Next(1, 60):D2}.{Pick(Extensions)}";
            long bytes = (long)(6_000 * Math.Pow(150, r.NextDouble() * r.NextDouble()));
            if (r.NextDouble() < 0.75) smb.ReadFile(file, bytes, _sim.Now);
            else smb.WriteFile(file, bytes, _sim.Now);
        }
        else Print(pc);
        double hour = _sim.Now.TimeOfDay.TotalHours;
        double perHour = hour < 9 ? 9 : hour < 12 ? 12 : hour < 13.5 ? 4 : hour < 16 ? 11 : 6;
        _sim.At(_sim.Now + _sim.Exponential(TimeSpan.FromHours(1 / perHour)), () => Work(pc, leave));
    }

    private void Web(SimHost pc, DateTimeOffset t)
    {
        var service = site.Internet.Pick(_sim.Random);
        t = site.Dns.Resolve(pc, service.Name, t);
        Browse(_sim, pc, service.Host, service.Name, Volume(service), t);
    }

    private void Print(SimHost pc)
    {
        var r = _sim.Random;
        var t = site.Dns.Resolve(pc, "prn-2f-01.corp.example", _sim.Now);
        var c = _sim.Tcp(pc, site.Printer, 9100).At(t);
        if (_printerOff.Any(off => t >= off.From && t < off.To))
        {
            c.Unanswered(); // the spooler retries later; the user gives up
            return;
        }
        byte[] job = new byte[r.Next(15_000, 160_000)];
        System.Text.Encoding.ASCII.GetBytes("\u001b%-12345X@PJL JOB NAME=\"Document\"\r\n@PJL ENTER LANGUAGE=PCL\r\n\u001bE").CopyTo(job, 0);
        c.Open().ClientSends(job).Close();
    }

    private void Renew(SimHost pc, DateTimeOffset leave)
    {
        if (_sim.Now >= leave) return;
        site.Dhcp.Renew(pc, _sim.Now);
        _sim.At(_sim.Now + TimeSpan.FromHours(4), () => Renew(pc, leave));
    }

    private void Leave(SimHost pc)
    {
        if (_smb.GetValueOrDefault(pc) is { } smb) smb.Close();
        _smb[pc] = null;
    }

    /// <summary>A PC left on: update and telemetry check-ins about every 40 minutes, day and night.</summary>
    private void Idle(SimHost pc, DateTimeOffset end)
    {
        string name = _sim.Chance(0.5) ? "settings-win.data.microsoft.com" : "update.googleapis.com";
        var service = site.Internet.Find(name);
        var t = site.Dns.Resolve(pc, name, _sim.Now);
        Browse(_sim, pc, service.Host, name, Volume(service), t);
        var next = _sim.Now + _sim.Exponential(TimeSpan.FromMinutes(40));
        if (next < end) _sim.At(next, () => Idle(pc, end));
    }

    private int Volume(WebService service)
    {
        double u = _sim.Random.NextDouble();
        return (int)(service.MinBytes * Math.Pow((double)service.MaxBytes / service.MinBytes, u * u * u * u));
    }

    private string Pick(string[] items) => items[_sim.Random.Next(items.Length)];

    private static readonly string[] Folders = ["Finance", "Projects", "Sales\\Quotes", "Planning", "QA\\Reports", "Templates"];
    private static readonly string[] Names = ["report", "budget", "offer", "minutes", "schedule", "drawing", "checklist"];
    private static readonly string[] Extensions = ["docx", "xlsx", "pdf", "pptx"];
}
