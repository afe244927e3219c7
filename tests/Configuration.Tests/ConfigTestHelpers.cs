namespace AutoRespond.Configuration.Tests;

/// <summary>Loading helpers: every test input is named <c>test.yaml</c> in errors.</summary>
internal static class ConfigTestHelpers
{
    public const string Source = "test.yaml";

    public static AutoRespondConfig Load(string yaml) => ConfigLoader.LoadText(yaml, Source);

    /// <summary>Loads <paramref name="yaml"/>, expecting it to be invalid, and returns every error.</summary>
    public static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Should.Throw<ConfigException>(() => ConfigLoader.LoadText(yaml, Source)).Errors;

    /// <summary>Asserts that <paramref name="yaml"/> has exactly one error, at the given place, containing <paramref name="phrase"/>.</summary>
    public static ConfigError SingleError(string yaml, int line, int column, string phrase)
    {
        var errors = Errors(yaml);
        errors.Count.ShouldBe(1, string.Join(Environment.NewLine, errors));
        var error = errors[0];
        error.File.ShouldBe(Source);
        (error.Line, error.Column).ShouldBe((line, column), error.ToString());
        error.Message.ShouldContain(phrase, Case.Sensitive, error.ToString());
        return error;
    }
}
