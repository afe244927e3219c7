using AutoRespond.Configuration;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Simulation.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void Catalog_HasTheContractScenarios()
    {
        var names = ScenarioCatalog.All.Select(s => s.Name).ToList();
        names.Take(3).ShouldBe(["ics-sabotage", "benign-office", "ehr-upgrade"]);
        names.ShouldContain("shadow-ai");
        names.ShouldBeUnique();
    }

    [Fact]
    public void Find_IsCaseInsensitive_AndNullWhenUnknown()
    {
        ScenarioCatalog.Find("ICS-Sabotage").ShouldBeSameAs(ScenarioCatalog.All[0]);
        ScenarioCatalog.Find("nope").ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => ScenarioCatalog.Get("nope")).Message.ShouldContain("ics-sabotage");
    }

    [Theory]
    [InlineData("ics-sabotage")]
    [InlineData("benign-office")]
    [InlineData("ehr-upgrade")]
    [InlineData("shadow-ai")]
    public void Scenario_HasOneLineDescription_AndAValidConfigWith24hLearning(string name)
    {
        var scenario = ScenarioCatalog.Get(name);
        scenario.Description.ShouldNotBeNullOrWhiteSpace();
        scenario.Description.ShouldNotContain("\n");
        scenario.BackgroundMeaning.ShouldNotBeNullOrWhiteSpace();
        var config = ConfigLoader.LoadText(scenario.Config, $"{name}.yaml");
        config.Learning.Period.ShouldBe(TimeSpan.FromHours(24));
        config.Network.Zones.ShouldNotBeEmpty();
    }

    [Fact]
    public void PlantConfig_NamesTheZonesOfTheStory()
    {
        var config = ConfigLoader.LoadText(ScenarioCatalog.Get("ics-sabotage").Config, "ics.yaml");
        config.Network.Zones.Select(z => (z.Name, z.Kind)).ShouldBe([("Computing", ZoneKind.It), ("Industrial", ZoneKind.Ot)]);
    }

    [Fact]
    public void EhrConfig_HasTheChangeWindowOfTheFirstUpgrade()
    {
        var window = ConfigLoader.LoadText(ScenarioCatalog.Get("ehr-upgrade").Config, "ehr.yaml").Windows.ShouldHaveSingleItem();
        (window.Start, window.End).ShouldBe((EhrUpgradeScenario.WindowStart, EhrUpgradeScenario.WindowEnd));
    }

    [Fact]
    public void Write_RejectsANonPositiveBackground() =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            ScenarioCatalog.Get("ics-sabotage").Write(Stream.Null, new SimulationOptions(1, TimeSpan.Zero)));
}
