namespace AutoRespond.Reports.Model;

/// <summary>The report's action sections.</summary>
public enum ActionGroup
{
    Taken,
    WouldHave,
    Suppressed,
    Held,
    Blocked,
    Failed,
}
