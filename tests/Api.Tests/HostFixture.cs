namespace AutoRespond.Api.Tests;

/// <summary>One <see cref="ApiHost"/> shared by the tests of a class (each test leaves it as it found it, or does not care).</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private ApiHost? _host;

    public ApiHost Host => _host ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _host = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
