using AutoRespond.Configuration;
using AutoRespond.Responders.Policy;

namespace AutoRespond.Responders.Tests.Policy;

public sealed class PolicyProviderTests
{
    private static readonly ResponseConfig Autonomous = ResponseConfig.Default with { Mode = ResponseMode.Autonomous };

    [Fact]
    public void New_HoldsTheFilePolicyAsVersionZero()
    {
        var provider = new PolicyProvider(ResponseConfig.Default);

        provider.Current.ShouldBe(new ActivePolicy(PolicyProvider.FileVersion, ResponseConfig.Default));
    }

    [Fact]
    public void TrySwap_OnlyMovesForward()
    {
        var provider = new PolicyProvider(ResponseConfig.Default);

        provider.TrySwap(2, Autonomous).ShouldBeTrue();
        provider.TrySwap(2, ResponseConfig.Default).ShouldBeFalse();
        provider.TrySwap(1, ResponseConfig.Default).ShouldBeFalse();

        provider.Current.ShouldBe(new ActivePolicy(2, Autonomous));
    }

    [Fact]
    public async Task TrySwap_Concurrently_EndsOnTheHighestVersion()
    {
        var provider = new PolicyProvider(ResponseConfig.Default);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(v => Task.Run(() => provider.TrySwap(v, Autonomous with { Limits = new LimitsConfig(v, v) }),
            TestContext.Current.CancellationToken)));

        provider.Current.Version.ShouldBe(200);
        provider.Current.Response.Limits.MaxActiveActions.ShouldBe(200);
    }
}
