namespace AutoRespond.Executors.Ocsf;

/// <summary>What an OCSF export says about its producer and who owns the incident.</summary>
public sealed record OcsfOptions
{
    public static OcsfOptions Default { get; } = new();

    /// <summary><c>metadata.product.name</c>. The default value is <c>AutoRespond</c>.</summary>
    public string ProductName { get; init; } = "AutoRespond";

    /// <summary><c>metadata.product.vendor_name</c>. The default value is <c>AutoRespond</c>.</summary>
    public string VendorName { get; init; } = "AutoRespond";

    /// <summary>
    /// <c>assignee_group.name</c> of Incident Findings (the class requires an assignee or an assignee group).
    /// The default value is <c>SOC</c>.
    /// </summary>
    public string AssigneeGroup { get; init; } = "SOC";

    /// <summary>ATT&amp;CK ids of a model's breaches. The default value is <see cref="OcsfAttack.ForModel"/>.</summary>
    public Func<string, IReadOnlyList<string>> AttackOfModel { get; init; } = OcsfAttack.ForModel;
}
