using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>learning:</c>.</summary>
internal static class LearningSectionBinder
{
    private static readonly string[] Keys = ["period"];

    public static LearningConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "learning", Keys) is not { } section)
        {
            return LearningConfig.Default;
        }

        return new LearningConfig(section.GetValue("period", ValueKinds.Duration) ?? LearningConfig.Default.Period);
    }
}
