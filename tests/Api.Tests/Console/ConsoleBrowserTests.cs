using AutoRespond.Api.Tests.Hosting;
using AutoRespond.Contracts;
using AutoRespond.Simulation.Scenarios;
using AutoRespond.Simulators;
using AutoRespond.TestUtils;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace AutoRespond.Api.Tests.Console;

/// <summary>
/// End to end in headless Chromium (Debian chromium + chromium-driver, Selenium) against a running
/// <c>autorespond run --replay</c> process (the built program) on the simulated ics-sabotage capture in confirm mode, its
/// integrations pointing at the vendor simulators: an IT user creates a change
/// window, an MDR user sees the incident and its timeline, approves a held action and sees it active. Screenshots go
/// to artifacts/api-browser/.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private static readonly string Shots = Path.Combine(Captures.RepositoryRoot(), "artifacts", "api-browser");

    [Fact]
    public async Task Console_ItCreatesWindowMdrApprovesHeldAction_ActionIsActive()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("autorespond-browser-");
        await using var sim = await SimulatorHost.StartAsync(cancellationToken: ct);
        string capture = Path.Combine(folder.FullName, "ics-sabotage.pcap");
        var scenario = ScenarioCatalog.Get("ics-sabotage");
        scenario.Write(capture, new SimulationOptions(SimulationOptions.DefaultSeed));
        // The scenario's policy in confirm mode, every held kind backed by a simulated target (no tcp-reset: no live interface here).
        string url = sim.BaseUri.ToString().TrimEnd('/');
        string config = Path.Combine(folder.FullName, "run.yaml");
        await File.WriteAllTextAsync(config, scenario.Config
            .Replace("mode: dry-run", "mode: confirm", StringComparison.Ordinal)
            .Replace("[ticket, tcp-reset]", "[ticket, firewall-block]", StringComparison.Ordinal) + $$"""

            storage: { provider: sqlite, path: "{{Path.Combine(folder.FullName, "ar.db")}}" }
            api:
              listen: http://127.0.0.1:0
              keys:
                - { name: mdr, key_env: TEST_AR_ADMIN, role: admin }
                - { name: it,  key_env: TEST_AR_IT,    role: scheduler }
            integrations:
              fortios:    { url: "{{url}}", token_env: FORTIOS_TOKEN }
              arista:     { url: "{{url}}", username_env: SW_USER, password_env: SW_PASS }
              servicenow: { url: "{{url}}", username_env: SN_USER, password_env: SN_PASS }
            """, ct);
        var env = new Dictionary<string, string>(sim.Credentials.AsEnvironment())
        {
            ["TEST_AR_ADMIN"] = ApiHost.AdminKey,
            ["TEST_AR_IT"] = ApiHost.SchedulerKey,
        };
        var (run, client) = await RunProcess.StartAsync(env, ApiHost.AdminKey, "--config", config, "--replay", capture);
        await using var _ = run;
        using var __ = client;
        await Http.EventuallyAsync(async () =>
            (await client.SendAsync("GET", "health/ready")).Text.Contains("\"replayed ", StringComparison.Ordinal), "the replay to finish");

        Directory.CreateDirectory(Shots);
        using var driver = StartChromium();
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));
        // The console re-renders a view after every change: an element read mid-render is stale, so look again.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        string console = client.BaseAddress + "console/";

        // IT (scheduler key) plans maintenance on the kiln PLC.
        driver.Navigate().GoToUrl(console + "#/windows");
        SignIn(driver, ApiHost.SchedulerKey);
        wait.Until(d => d.FindElements(By.Id("window-form")).Count > 0);
        Type(driver, "w-name", "PLC-KILN firmware update");
        Type(driver, "w-devices", "10.20.0.22");
        driver.FindElement(By.CssSelector("#w-effect option[value='confirm']")).Click();
        driver.FindElement(By.Id("window-preview")).Click();
        wait.Until(d => d.FindElements(By.Id("preview-summary")).Count > 0);
        driver.FindElement(By.Id("window-save")).Click();
        wait.Until(d => d.FindElement(By.Id("window-table")).Text.Contains("PLC-KILN firmware update", StringComparison.Ordinal));
        Shot(driver, "01-it-window-created.png");

        // MDR (admin key) sees the incident and its timeline.
        driver.FindElement(By.Id("sign-out")).Click();
        SignIn(driver, ApiHost.AdminKey);
        driver.Navigate().GoToUrl(console + "#/incidents");
        wait.Until(d => d.FindElements(By.CssSelector("#incident-table tr.incident-row")).Count > 0);
        wait.Until(d => d.FindElement(By.Id("incident-table")).Text.Contains("10.10.0.66", StringComparison.Ordinal));
        Shot(driver, "02-mdr-incidents.png");
        driver.FindElement(By.CssSelector("#incident-table tr.incident-row")).Click();
        wait.Until(d => d.FindElements(By.CssSelector("#timeline circle.breach-point")).Count > 5);
        Shot(driver, "03-mdr-incident-timeline.png");

        // MDR approves the first held action and sees it active; the simulated target received it.
        driver.Navigate().GoToUrl(console + "#/actions");
        wait.Until(d => d.FindElements(By.CssSelector("#pending-table button.approve")).Count > 0);
        var approve = driver.FindElement(By.CssSelector("#pending-table button.approve"));
        string actionId = approve.GetAttribute("data-action-id")!;
        Shot(driver, "04-mdr-pending.png");
        approve.Click();
        wait.Until(d => d.FindElement(By.CssSelector($"#active-table tr[data-action-id='{actionId}']")).Text.Contains("executed", StringComparison.Ordinal));
        Shot(driver, "05-mdr-approved-active.png");

        // The device page: zone, roles and pattern of life of the PLC that was attacked.
        driver.Navigate().GoToUrl(console + "#/devices/10.20.0.21");
        wait.Until(d => d.FindElement(By.Id("view")).Text.Contains("s7comm:", StringComparison.Ordinal));
        driver.FindElement(By.Id("device-title")).Text.ShouldContain("10.20.0.21");
        Shot(driver, "06-device-pattern-of-life.png");

        var action = (await client.SendAsync("GET", $"api/v1/actions/{actionId}")).Body;
        action.GetProperty("state").GetString().ShouldBe(ActionStates.Executed);
        action.GetProperty("history").EnumerateArray().ShouldContain(h => h.GetProperty("actor").GetString() == "mdr");
        sim.Journal.All().Any(r => r.Method is "POST" or "PATCH" && r.Status is >= 200 and < 300)
            .ShouldBeTrue("the approved action reached its simulated target");
        var windows = (await client.SendAsync("GET", "api/v1/windows")).Body;
        windows.EnumerateArray().ShouldContain(w => w.GetProperty("created_by").GetString() == "it");
        driver.Quit();
        (await run.StopAsync()).ShouldBe(0, run.Stderr);
        folder.Delete(recursive: true);
    }

    private static void SignIn(IWebDriver driver, string key)
    {
        Type(driver, "api-key", key);
        driver.FindElement(By.Id("sign-in")).Click();
    }

    private static void Type(IWebDriver driver, string id, string text)
    {
        var input = driver.FindElement(By.Id(id));
        input.Clear();
        input.SendKeys(text);
    }

    private static void Shot(IWebDriver driver, string name) =>
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(Shots, name));

    /// <summary>Debian's chromium and chromedriver, no Selenium Manager, no network but 127.0.0.1 (BUILD-NOTES.md).</summary>
    private static ChromeDriver StartChromium()
    {
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HostName = "127.0.0.1";
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--disable-extensions", "--window-size=1280,1000",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("se-profile-").FullName);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
