namespace AutoRespond.Fuzz;

/// <summary>A crash or broken invariant: what happened, the mutation that produced the input, and the input itself.</summary>
public sealed record FuzzFinding(string What, string Mutation, byte[] Input)
{
    public override string ToString() => $"{What} [{Mutation}] {Input.Length} bytes";
}
