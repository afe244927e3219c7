using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

/// <summary>Errors that are not about one section's values: YAML syntax, structure, duplicates, unreadable files.</summary>
public class SyntaxAndStructureErrorTests
{
    [Fact]
    public void LoadText_UnknownTopLevelKey_ListsTheSections()
    {
        var error = SingleError("netwrk:\n  internal: []\n", 1, 1, "unknown key 'netwrk' at the top level");

        error.Message.ShouldEndWith("expected one of: network, learning, bus, storage, response, windows, integrations, api, ai, reports");
    }

    [Fact]
    public void LoadText_UnknownKeyInSection_NamesSectionAndKnownKeys()
    {
        var error = SingleError("network:\n  foo: 1\n", 2, 3, "unknown key 'foo'");

        error.Message.ShouldBe("unknown key 'foo' in 'network'; expected one of: internal, zones, protected");
        error.ToString().ShouldBe("test.yaml:2:3: unknown key 'foo' in 'network'; expected one of: internal, zones, protected");
    }

    [Fact]
    public void LoadText_DuplicateKey_ReportsSecondOccurrence()
    {
        SingleError("learning:\n  period: 1h\n  period: 2h\n", 3, 3, "duplicate key 'period'");
    }

    [Fact]
    public void LoadText_DuplicateKeyInFlowMapping_ReportsItAndKeepsLoading()
    {
        var errors = Errors("bus: { transport: in-memory, transport: rabbitmq }\nlearning: { period: soon }\n");

        errors.Select(e => (e.Line, e.Column)).ShouldBe([(1, 30), (2, 21)]);
        errors[0].Message.ShouldContain("duplicate key 'transport'");
        errors[1].Message.ShouldContain("expected a duration");
    }

    [Fact]
    public void LoadText_DuplicateSection_SkipsItsValueAndChecksTheRest()
    {
        const string yaml = """
            network:
              zones:
                - { name: A, cidrs: [10.0.0.0/8] }
            network:
              zones: [ { name: B, bogus: 1 } ]
            learning: { period: 1 }
            """;

        var errors = Errors(yaml);

        errors.Select(e => (e.Line, e.Column)).ShouldBe([(4, 1), (6, 21)]);
        errors[0].Message.ShouldContain("duplicate key 'network'");
    }

    [Fact]
    public void LoadText_BadIndentation_ReportsYamlSyntaxErrorWithPosition()
    {
        SingleError("learning:\n  period: 1h\n bus: {}\n", 3, 2, "YAML syntax error");
    }

    [Fact]
    public void LoadText_UnterminatedQuote_ReportsYamlSyntaxError()
    {
        SingleError("storage:\n  path: \"autorespond.db\n", 2, 9, "YAML syntax error");
    }

    [Fact]
    public void LoadText_UnclosedFlowList_ReportsSyntaxErrorNearTheList()
    {
        // YamlDotNet throws this one without a position; the error points at the list that is left open.
        SingleError("network:\n  internal: [10.0.0.0/8\nlearning: {}\n", 2, 13, "is a ']' or '}' missing?");
    }

    [Fact]
    public void LoadText_TopLevelList_ExpectsMapping()
    {
        SingleError("- network\n", 1, 1, "expected a mapping at the top level, got a list");
    }

    [Fact]
    public void LoadText_SectionIsList_ExpectsMapping()
    {
        SingleError("learning: [24h]\n", 1, 11, "learning: expected a mapping, got a list");
    }

    [Fact]
    public void LoadText_ComplexKey_IsRejected()
    {
        SingleError("? [network]\n: 1\n", 1, 3, "keys must be plain names");
    }

    [Fact]
    public void LoadText_SecondDocument_IsRejected()
    {
        SingleError("learning: {}\n---\nbus: {}\n", 3, 1, "only one YAML document");
    }

    [Fact]
    public void LoadText_ErrorsInSeveralSections_ReportsAllInFileOrder()
    {
        const string yaml = """
            network:
              internal: [10.0.0.0/33]
            learning:
              period: forever
              extra: 1
            response:
              mode: yolo
            api:
              keys:
                - { name: a, role: admin }
            """;

        var exception = Should.Throw<ConfigException>(() => ConfigLoader.LoadText(yaml, Source));

        exception.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(2, 14), (4, 11), (5, 3), (7, 9), (10, 7)]);
        exception.Errors[4].Message.ShouldBe("missing required key 'key_env' in 'api.keys[0]'");
        exception.Message.ShouldContain("(5 errors)");
        exception.Message.ShouldContain("test.yaml:7:9: response.mode: expected one of autonomous, confirm, dry-run, got 'yolo'");
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsLineZeroColumnZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "autorespond.yaml");

        var error = Should.Throw<ConfigException>(() => ConfigLoader.LoadFile(path)).Errors.ShouldHaveSingleItem();

        error.ShouldBe(new ConfigError(path, 0, 0, "cannot read configuration file: file not found"));
    }

    [Fact]
    public void LoadFile_Directory_ReportsItIsADirectory()
    {
        var error = Should.Throw<ConfigException>(() => ConfigLoader.LoadFile(Path.GetTempPath())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((0, 0));
        error.Message.ShouldContain("is a directory");
    }

    [Fact]
    public void LoadFile_InvalidFile_NamesFileAsGiven()
    {
        var path = Path.Combine(Path.GetTempPath(), $"autorespond-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "learning:\n  period: 10\n");
        try
        {
            var error = Should.Throw<ConfigException>(() => ConfigLoader.LoadFile(path)).Errors.ShouldHaveSingleItem();

            error.ToString().ShouldBe($"{path}:2:11: learning.period: expected a duration like 30s, 15m, 24h or 7d, got '10'");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ConfigError_ToString_IsFileLineColumnMessage()
    {
        new ConfigError("a.yaml", 3, 7, "boom").ToString().ShouldBe("a.yaml:3:7: boom");
    }
}
