using System.Net.Http.Headers;
using AutoRespond.Configuration;
using AutoRespond.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Api.Tests;

/// <summary>
/// The real web host of <c>run</c> (or <c>api</c>) on 127.0.0.1 with a fresh SQLite file and one key per role:
/// admin <c>mdr</c>, scheduler <c>it</c>, viewer <c>soc</c>, ticketing <c>snow</c>.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminKey = "admin-key-0123456789";
    public const string SchedulerKey = "scheduler-key-0123456789";
    public const string ViewerKey = "viewer-key-0123456789";
    public const string TicketingKey = "ticketing-key-0123456789";

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["TEST_AR_ADMIN"] = AdminKey, ["TEST_AR_IT"] = SchedulerKey, ["TEST_AR_VIEWER"] = ViewerKey, ["TEST_AR_SNOW"] = TicketingKey,
    };

    private readonly DirectoryInfo _folder;

    private ApiHost(WebApplication app, DirectoryInfo folder, Uri baseAddress)
    {
        App = app;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The config every test host uses: two zones, confirm mode, the four keys; <paramref name="extra"/> is appended.</summary>
    public static string ConfigYaml(string dbPath, string extra = "") => $$"""
        network:
          internal: [10.0.0.0/8]
          zones:
            - { name: Computing,  cidrs: [10.10.0.0/24], kind: it }
            - { name: Industrial, cidrs: [10.20.0.0/24], kind: ot }
        response:
          mode: confirm
          ladder:
            - { min_score: 0.60, actions: [ticket] }
            - { min_score: 0.80, actions: [ticket, firewall-block], duration: 1h }
        storage: { provider: sqlite, path: "{{dbPath}}" }
        api:
          listen: http://127.0.0.1:0
          keys:
            - { name: mdr,  key_env: TEST_AR_ADMIN,  role: admin }
            - { name: it,   key_env: TEST_AR_IT,     role: scheduler }
            - { name: soc,  key_env: TEST_AR_VIEWER, role: viewer }
            - { name: snow, key_env: TEST_AR_SNOW,   role: ticketing }
        {{extra}}
        """;

    public static async Task<ApiHost> StartAsync(HostMode mode = HostMode.Run, Func<string, string>? config = null,
        WebHostOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("autorespond-api-tests-");
        string db = Path.Combine(folder.FullName, "autorespond.db");
        var loaded = ConfigLoader.LoadText(config?.Invoke(db) ?? ConfigYaml(db), "test.yaml");
        options = (options ?? new WebHostOptions()) with
        {
            Listen = new Uri("http://127.0.0.1:0"),
            Environment = name => Keys.GetValueOrDefault(name),
            EndpointPrefix = "test-" + Guid.NewGuid().ToString("N")[..8],
        };
        var app = await AutoRespondWebHost.BuildAsync(loaded, mode, options, TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ApiHost(app, folder, new Uri(address.TrimEnd('/') + "/"));
    }

    public static string KeyOf(string role) => role switch
    {
        "admin" => AdminKey,
        "scheduler" => SchedulerKey,
        "viewer" => ViewerKey,
        "ticketing" => TicketingKey,
        _ => "",
    };

    /// <summary>A client with the role's key (<c>none</c>: no key).</summary>
    public HttpClient Client(string role = "admin")
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (KeyOf(role) is { Length: > 0 } key) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown: the temp folder is cleaned by the OS
        }
    }
}
