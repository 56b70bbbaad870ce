namespace PteGen.Generators.Model;

/// <summary>
/// A parsed <c>When</c> condition: a boolean expression over configuration switches. Records give the tree value
/// equality, so it can live in pipeline models.
/// </summary>
internal abstract record Condition
{
    /// <summary>Whether the condition holds in <paramref name="configuration"/>.</summary>
    public abstract bool Holds(ulong configuration);
}

/// <summary>True when the switch is on.</summary>
internal sealed record SwitchCondition(string Name, ulong Value) : Condition
{
    public override bool Holds(ulong configuration) => (configuration & Value) != 0;

    public override string ToString() => Name;
}

internal sealed record NotCondition(Condition Operand) : Condition
{
    public override bool Holds(ulong configuration) => !Operand.Holds(configuration);

    public override string ToString() => Operand is SwitchCondition ? $"!{Operand}" : $"!({Operand})";
}

internal sealed record AndCondition(Condition Left, Condition Right) : Condition
{
    public override bool Holds(ulong configuration) => Left.Holds(configuration) && Right.Holds(configuration);

    public override string ToString() => $"{Wrap(Left)} && {Wrap(Right)}";

    private static string Wrap(Condition operand) => operand is OrCondition ? $"({operand})" : operand.ToString();
}

internal sealed record OrCondition(Condition Left, Condition Right) : Condition
{
    public override bool Holds(ulong configuration) => Left.Holds(configuration) || Right.Holds(configuration);

    public override string ToString() => $"{Left} || {Right}";
}
