extern alias Generators;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;
using Xunit.Abstractions;
using AndCondition = Generators::PteGen.Generators.Model.AndCondition;
using Condition = Generators::PteGen.Generators.Model.Condition;
using ConditionParser = Generators::PteGen.Generators.Parsing.ConditionParser;
using EmitKind = Generators::PteGen.Generators.Model.EmitKind;
using IProblemSink = Generators::PteGen.Generators.Parsing.Problems.IProblemSink;
using LayoutEmitter = Generators::PteGen.Generators.Emit.LayoutEmitter;
using LayoutParser = Generators::PteGen.Generators.Parsing.LayoutParser;
using LayoutToGenerate = Generators::PteGen.Generators.Model.LayoutToGenerate;
using NotCondition = Generators::PteGen.Generators.Model.NotCondition;
using OrCondition = Generators::PteGen.Generators.Model.OrCondition;
using Problem = Generators::PteGen.Generators.Parsing.Problems.Problem;
using ReportingHost = Generators::PteGen.Generators.Parsing.Problems.ReportingHost;
using SiteLocator = Generators::PteGen.Generators.Parsing.Problems.SiteLocator;
using SwitchCondition = Generators::PteGen.Generators.Model.SwitchCondition;
using SwitchMember = Generators::PteGen.Generators.Model.SwitchMember;
using SwitchSet = Generators::PteGen.Generators.Model.SwitchSet;

namespace PteGen.Tests.Generator;

/// <summary>
/// <c>When</c> conditions of any length: parsed, evaluated, compared, formatted and emitted in time linear in their
/// length, and refused with PTE007 (naming the claim) beyond the documented limits: 64 levels of <c>!</c> and
/// <c>(</c>, 256 operands once an operand repeated in its chain is counted once. Every test runs on a thread with a
/// 256 KB stack, where a walk that recursed once per operand would overflow and take the test run down with it.
/// </summary>
public sealed class ConditionLimitTests(ITestOutputHelper output)
{
    private const int SmallStack = 256 * 1024;

    private const string LayoutName = SampleSource.L1eName;

    /// <summary>The Xen L1 entry with <paramref name="when"/> as the condition of <c>GrantMapping</c> (bit 62 under Debug).</summary>
    private static string L1eWithGrantMappingWhen(string when) =>
        SampleSource.XenL1e.Replace("When = \"Debug\"", $"When = \"{when}\"");

    /// <summary><paramref name="unit"/> repeated, joined by the operators in turn, to at least <paramref name="length"/> characters.</summary>
    private static string Chain(string unit, int length, params string[] operators)
    {
        var text = new StringBuilder(unit, length + unit.Length + 8);
        for (var index = 0; text.Length < length; index++)
        {
            text.Append(' ').Append(operators[index % operators.Length]).Append(' ').Append(unit);
        }

        return text.ToString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Long chains: accepted, and the same layout as their shortest form.

    public static TheoryData<string, string, string> LongChains() => new()
    {
        { "&&", "Debug", "Debug" },
        { "||", "Debug", "Debug" },
        // || and && in turn, over a unit that itself mixes them with ! and parentheses; it means Debug.
        { "mixed", "(Debug && !Pke || !!Debug && (Pke || !Pke))", "Debug && !Pke || Debug && (Pke || !Pke)" },
    };

    [Theory]
    [MemberData(nameof(LongChains))]
    public void A200000CharacterChainGeneratesWhatItsShortestFormGenerates(string kind, string unit, string shortest)
    {
        var operators = kind switch { "&&" => new[] { "&&" }, "||" => ["||"], _ => ["||", "&&"] };
        var chain = Chain(unit, 200_000, operators);
        Assert.True(chain.Length >= 200_000);

        var (longRun, shortRun) = OnSmallStack(() => (Pipeline(L1eWithGrantMappingWhen(chain)), Pipeline(L1eWithGrantMappingWhen(shortest))));
        Assert.Empty(longRun.Diagnostics);
        Assert.Empty(shortRun.Diagnostics);
        Assert.NotNull(longRun.Generated);

        // The condition appears as written in the descriptor and the property's documentation; the code is the same.
        Assert.Equal(shortRun.Generated, WithConditionText(longRun.Generated!, chain, shortest));
    }

    [Theory]
    [MemberData(nameof(LongChains))]
    public void A200000CharacterChainCompilesCleanThroughTheGeneratorAndTheLayoutAnalyzer(string kind, string unit, string shortest)
    {
        _ = shortest;
        var operators = kind switch { "&&" => new[] { "&&" }, "||" => ["||"], _ => ["||", "&&"] };
        var outcome = OnSmallStack(() => TestCompilation.Run(L1eWithGrantMappingWhen(Chain(unit, 200_000, operators))));
        Assert.True(
            outcome.AnalyzerDiagnostics.IsEmpty && outcome.CompilerDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error),
            outcome.Describe());
        var layout = outcome.Compilation.GetTypeByMetadataName(LayoutName);
        Assert.NotNull(layout);
        Assert.Single(layout.GetMembers("GrantMappingMask"));
    }

    /// <summary>
    /// 20,000 against 200,000 characters through the generator's stages (read, rules, validate, plan, emit), best of
    /// five each: linear time makes that about 10x, the quadratic formatting this replaced about 100x (and 200,000
    /// characters overflowed the stack). 40x leaves room for a noisy machine.
    /// </summary>
    [Theory]
    [MemberData(nameof(LongChains))]
    public void TimeGrowsLinearlyWithTheLengthOfTheChain(string kind, string unit, string shortest)
    {
        _ = shortest;
        var operators = kind switch { "&&" => new[] { "&&" }, "||" => ["||"], _ => ["||", "&&"] };
        var small = L1eWithGrantMappingWhen(Chain(unit, 20_000, operators));
        var large = L1eWithGrantMappingWhen(Chain(unit, 200_000, operators));
        var (smallTime, largeTime) = OnSmallStack(() =>
        {
            Pipeline(small); // warm up
            return (BestOfFive(() => Pipeline(small).Elapsed), BestOfFive(() => Pipeline(large).Elapsed));
        });
        output.WriteLine($"{kind}: 20,000 characters {smallTime.TotalMilliseconds:F1} ms, 200,000 characters {largeTime.TotalMilliseconds:F1} ms");
        var floor = TimeSpan.FromMilliseconds(20);
        Assert.True(
            largeTime <= 40 * (smallTime > floor ? smallTime : floor),
            $"{kind}: 20,000 characters took {smallTime.TotalMilliseconds:F1} ms, 200,000 took {largeTime.TotalMilliseconds:F1} ms");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Nesting: 64 levels of '!' and '(' are accepted, deeper is PTE007 naming the claim, found in linear time.

    private const string NestedTooDeeply = "the condition is nested more than 64 levels deep";

    public static TheoryData<string> TooDeepShapes() =>
        ["200,000 '!'", "100,000 '(' and ')'", "'!(' 50,000 times", "a chain of 65-deep operands", "64 '!'", "64 '('"];

    private static string TooDeep(string shape) => shape switch
    {
        "200,000 '!'" => new string('!', 200_000) + "Debug",
        "100,000 '(' and ')'" => new string('(', 100_000) + "Debug" + new string(')', 100_000),
        "'!(' 50,000 times" => string.Concat(Enumerable.Repeat("!(", 50_000)) + "Debug" + new string(')', 50_000),
        "a chain of 65-deep operands" => Chain(new string('(', 65) + "Debug" + new string(')', 65), 200_000, "&&", "||"),
        "64 '!'" => new string('!', 64) + "Debug",
        _ => new string('(', 64) + "Debug" + new string(')', 64),
    };

    [Theory]
    [MemberData(nameof(TooDeepShapes))]
    public void NestingBeyond64LevelsIsPte007NamingTheClaim(string shape)
    {
        var condition = TooDeep(shape);
        var run = OnSmallStack(() => Pipeline(L1eWithGrantMappingWhen(condition)));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PTE007", diagnostic.Id);
        Assert.Equal(
            $"The condition \"{Quoted(condition)}\" of 'GrantMapping' is not valid: {NestedTooDeeply}; write switch names combined with !, &&, || and parentheses",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));

        var outcome = OnSmallStack(() => TestCompilation.Run(L1eWithGrantMappingWhen(condition)));
        Assert.Equal("PTE007", Assert.Single(outcome.AnalyzerDiagnostics).Id);
        Assert.Empty(outcome.GeneratedFileErrors);
    }

    [Fact]
    public void NestingOf64LevelsIsAccepted()
    {
        // 62 '!' and a switch, or 63 '(' and a switch: 63 and 64 levels. Both mean Debug.
        var negations = new string('!', 62) + "Debug";
        var parentheses = new string('(', 63) + "Debug" + new string(')', 63);
        var (negated, parenthesized, plain) = OnSmallStack(() => (
            Pipeline(L1eWithGrantMappingWhen(negations)),
            Pipeline(L1eWithGrantMappingWhen(parentheses)),
            Pipeline(L1eWithGrantMappingWhen("Debug"))));
        Assert.NotNull(plain.Generated);
        Assert.Equal(plain.Generated, WithConditionText(negated.Generated!, negations, "Debug"));
        Assert.Equal(plain.Generated, WithConditionText(parenthesized.Generated!, parentheses, "Debug"));
    }

    [Fact]
    public void TimeOfTheNestingErrorDoesNotGrowWithTheLength()
    {
        // The parser stops at the 65th level: 20,000 and 200,000 characters cost the same.
        var small = L1eWithGrantMappingWhen(new string('!', 20_000) + "Debug");
        var large = L1eWithGrantMappingWhen(new string('!', 200_000) + "Debug");
        var (smallTime, largeTime) = OnSmallStack(() =>
        {
            Pipeline(small);
            return (BestOfFive(() => Pipeline(small).Elapsed), BestOfFive(() => Pipeline(large).Elapsed));
        });
        output.WriteLine($"'!': 20,000 characters {smallTime.TotalMilliseconds:F1} ms, 200,000 characters {largeTime.TotalMilliseconds:F1} ms");
        var floor = TimeSpan.FromMilliseconds(20);
        Assert.True(largeTime <= 10 * (smallTime > floor ? smallTime : floor), $"20,000: {smallTime}, 200,000: {largeTime}");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operands: at most 256 once repeats are dropped.

    private const string TooManyOperands =
        "it has more than 256 operands (switch names; an operand repeated in the same && or || chain counts once), more than PteGen writes into generated code";

    private static readonly SwitchSet TwoSwitches = new(
        "global::Test.Config",
        "None",
        new Generators::PteGen.Generators.Helpers.EquatableArray<SwitchMember>([new SwitchMember("Debug", 1), new SwitchMember("Pke", 2)]),
        Generators::PteGen.Generators.Helpers.EquatableArray<ulong>.Empty);

    private static string Names(int count, string separator) =>
        string.Join(separator, Enumerable.Range(0, count).Select(index => $"N{index}"));

    [Fact]
    public void TwoHundredFiftySixDistinctOperandsAreAcceptedAndOneMoreIsNot()
    {
        // Unknown names are operands too: 256 of them are 256 unknown switches (PTE008), 257 are too many (PTE007).
        var (atLimit, overLimit, repeated) = OnSmallStack(() => (
            ConditionParser.Parse(Names(256, " || "), TwoSwitches),
            ConditionParser.Parse(Names(257, " || "), TwoSwitches),
            ConditionParser.Parse(Names(256, " || ") + " || " + Chain("N0 && N1", 200_000, "||", "&&"), TwoSwitches)));
        Assert.Null(atLimit.SyntaxError);
        Assert.Equal(256, atLimit.UnknownNames.Count);
        Assert.Equal(TooManyOperands, overLimit.SyntaxError);

        // N0 && N1 is one operand of the || chain, as often as it is repeated, and its two names are counted once.
        Assert.Equal(TooManyOperands, repeated.SyntaxError);
        var twice = OnSmallStack(() => ConditionParser.Parse(Names(254, " || ") + " || " + Chain("N0 && N1", 200_000, "||"), TwoSwitches));
        Assert.Null(twice.SyntaxError);
        Assert.Equal(254, twice.UnknownNames.Count);
    }

    [Fact]
    public void A200000CharacterChainOfDistinctNamesIsOnePte007NotThousandsOfPte008()
    {
        var condition = Names(25_000, " || ");
        Assert.True(condition.Length > 200_000);
        var outcome = OnSmallStack(() => TestCompilation.Run(L1eWithGrantMappingWhen(condition)));
        var diagnostic = Assert.Single(outcome.AnalyzerDiagnostics);
        Assert.Equal("PTE007", diagnostic.Id);
        Assert.Equal(
            $"The condition \"{Quoted(condition)}\" of 'GrantMapping' is not valid: {TooManyOperands}; write switch names combined with !, &&, || and parentheses",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(outcome.GeneratedFileErrors);
    }

    /// <summary>
    /// Twelve switches, bit 63 owned under an <c>||</c> of <paramref name="terms"/> distinct two-switch terms (two
    /// operands each; false when no switch is on) and its negation: the largest conditions PteGen accepts at 128 terms.
    /// </summary>
    private static string TwelveSwitchLayout(int terms)
    {
        var literals = new List<string>();
        for (var first = 0; first < 12; first++)
        {
            for (var second = first + 1; second < 12; second++)
            {
                literals.Add($"S{first} && S{second}");
                literals.Add($"S{first} && !S{second}");
            }
        }

        var condition = string.Join(" || ", literals.Take(terms));
        var switches = string.Join(", ", Enumerable.Range(0, 12).Select(n => $"S{n} = 1 << {n}"));
        return $$"""
            using System;
            using PteGen;

            namespace Test;

            [PteSwitches]
            [Flags]
            public enum Twelve { None = 0, {{switches}} }

            [PteLayout(typeof(Twelve))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [XenReserved(63, When = "{{condition}}")] public partial bool Reserved { get; }
                [GuestAvailable(63, When = "!({{condition}})")] public partial bool Available { get; }
            }
            """;
    }

    [Fact]
    public void ConditionsAtTheOperandLimitGenerateCodeThatCompiles()
    {
        var outcome = OnSmallStack(() => TestCompilation.Run(TwelveSwitchLayout(128)));
        Assert.True(
            outcome.AnalyzerDiagnostics.IsEmpty && outcome.CompilerDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error),
            outcome.Describe());
        Assert.Single(outcome.Compilation.GetTypeByMetadataName("Test.Entry")!.GetMembers("ReservedMask"));

        var over = OnSmallStack(() => TestCompilation.Run(TwelveSwitchLayout(129)));
        Assert.Equal(["PTE007", "PTE007"], over.AnalyzerDiagnostics.Select(d => d.Id));
        Assert.All(over.AnalyzerDiagnostics, d => Assert.Contains(TooManyOperands, d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Empty(over.GeneratedFileErrors);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The model's own walks, on trees no parser builds: far deeper and wider than the limits.

    /// <summary>A tree 100,000 nodes deep: switches and negated chains in turn, each chain with a switch of its own.</summary>
    private static (Condition Tree, Func<ulong, bool> Reference) DeepTree(int depth)
    {
        Condition tree = new SwitchCondition("S0", 1);
        var members = new List<(bool IsAnd, ulong Switch)>();
        for (var level = 1; level <= depth; level++)
        {
            var isAnd = level % 2 == 0;
            var item = new SwitchCondition($"S{level % 20}", 1UL << (level % 20));
            var operands = new Generators::PteGen.Generators.Helpers.EquatableArray<Condition>([new NotCondition(tree), item]);
            tree = isAnd ? new AndCondition(operands) : new OrCondition(operands);
            members.Add((isAnd, item.Value));
        }

        // The same function, evaluated bottom-up by a loop.
        bool Reference(ulong configuration)
        {
            var value = (configuration & 1) != 0;
            foreach (var (isAnd, item) in members)
            {
                var on = (configuration & item) != 0;
                value = isAnd ? !value && on : !value || on;
            }

            return value;
        }

        return (tree, Reference);
    }

    [Fact]
    public void EvaluatingAndFormattingAreIterative()
    {
        var (holds, expected, text, expression) = OnSmallStack(() =>
        {
            var (tree, reference) = DeepTree(100_000);
            var random = new Random(7);
            var configurations = Enumerable.Range(0, 10).Select(_ => (ulong)random.NextInt64() & 0xF_FFFF).Append(0UL).Append(0xF_FFFFUL).ToList();
            return (
                configurations.Select(tree.Holds).ToList(),
                configurations.Select(reference).ToList(),
                tree.ToString(),
                LayoutEmitter.ConditionExpression(tree, "global::T", "c"));
        });

        // 20 switches: more than a layout may have, so there is no table and each Holds walks the tree.
        Assert.Equal(expected, holds);
        Assert.StartsWith("!(!(!(!(", text, StringComparison.Ordinal);
        Assert.Equal(99_999, text.Count(c => c == '('));
        var suffix = new StringBuilder();
        var expressionSuffix = new StringBuilder();
        for (var level = 100_000 - 19; level <= 100_000; level++)
        {
            var op = level % 2 == 0 ? "&&" : "||";
            suffix.Append($") {op} S{level % 20}");
            expressionSuffix.Append($") {op} (c & global::T.S{level % 20}) != 0");
        }

        Assert.EndsWith(suffix.ToString(), text, StringComparison.Ordinal);
        Assert.EndsWith(expressionSuffix.ToString(), expression, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruthTableAnswersLikeTheConditionInEveryConfiguration()
    {
        // Twelve switches at scattered bits, a condition that uses each of them, every combination.
        var bits = new ulong[] { 1UL << 0, 1UL << 3, 1UL << 7, 1UL << 8, 1UL << 15, 1UL << 16, 1UL << 31, 1UL << 32, 1UL << 40, 1UL << 51, 1UL << 62, 1UL << 63 };
        var members = bits.Select((bit, index) => new SwitchMember($"S{index}", bit)).ToList();
        var set = new SwitchSet("global::T", "None", new(members), Generators::PteGen.Generators.Helpers.EquatableArray<ulong>.Empty);
        const string text = "S0 && !S1 || (S2 || S3) && !(S4 && S5) || S6 && S7 && !S8 || !(S9 || !S10) && S11 || S1 && S3 && S5 && S7 && S9 && S11";
        var condition = ConditionParser.Parse(text, set).Condition!;
        bool On(ulong configuration, int index) => (configuration & bits[index]) != 0;
        for (var combination = 0; combination < 1 << 12; combination++)
        {
            ulong configuration = 0;
            for (var index = 0; index < 12; index++)
            {
                configuration |= (combination & (1 << index)) != 0 ? bits[index] : 0;
            }

            var expected = (On(configuration, 0) && !On(configuration, 1))
                || ((On(configuration, 2) || On(configuration, 3)) && !(On(configuration, 4) && On(configuration, 5)))
                || (On(configuration, 6) && On(configuration, 7) && !On(configuration, 8))
                || (!(On(configuration, 9) || !On(configuration, 10)) && On(configuration, 11))
                || (On(configuration, 1) && On(configuration, 3) && On(configuration, 5) && On(configuration, 7) && On(configuration, 9) && On(configuration, 11));
            Assert.Equal(expected, condition.Holds(configuration));
            Assert.Equal(expected, condition.Holds(configuration | (1UL << 20))); // a bit no switch has changes nothing
        }

        Assert.Equal(text, condition.ToString());
    }

    [Fact]
    public void EqualLongConditionsAreEqualAndHashAlike()
    {
        var (first, second, other) = OnSmallStack(() => (
            ConditionParser.Parse(Chain("(Debug || !Pke)", 200_000, "&&", "||"), TwoSwitches).Condition!,
            ConditionParser.Parse(Chain("(Debug || !Pke || Debug)", 200_000, "||", "&&"), TwoSwitches).Condition!,
            ConditionParser.Parse(Chain("(Debug || Pke)", 200_000, "&&"), TwoSwitches).Condition!));
        Assert.Equal(first, second); // the same operands, repeats dropped, in order of first appearance: Debug || !Pke
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal("Debug || !Pke", first.ToString());
        Assert.NotEqual(first, other);
        Assert.Equal("Debug || Pke", other.ToString());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Harness

    /// <summary>What the generator's stages make of the layout <c>XenPv.L1e</c> in a source.</summary>
    private sealed record PipelineRun(
        IReadOnlyList<Diagnostic> Diagnostics,
        Generators::PteGen.Generators.Model.LayoutModel Layout,
        string? Generated,
        TimeSpan Elapsed)
    {
        public Generators::PteGen.Generators.Model.FieldModel GrantMapping => Layout.Fields.Single(f => f.Name == "GrantMapping");
    }

    /// <summary>
    /// The generator's stages on the calling thread (the drivers may run them elsewhere): the parse the generator and
    /// the layout analyzer share (reader, rules, validator, fixup planner) and the emitter. The time excludes Roslyn's
    /// own parsing and binding of the source.
    /// </summary>
    private static PipelineRun Pipeline(string source)
    {
        var compilation = TestCompilation.Create(source);
        var type = compilation.GetTypeByMetadataName(LayoutName)!;
        foreach (var member in type.GetMembers())
        {
            member.GetAttributes();
        }

        var attribute = type.GetAttributes().Single(a => a.AttributeClass?.Name == "PteLayoutAttribute");
        var problems = new CollectingSink();
        var watch = Stopwatch.StartNew();
        var parsed = LayoutParser.Parse(type, attribute, TestCompilation.ParseOptions.LanguageVersion, ReportingHost.Analyzer, problems, CancellationToken.None);
        var kind = parsed.Kind ?? EmitKind.Stubs;
        var generated = LayoutEmitter.Emit(new LayoutToGenerate(parsed.Layout, kind, parsed.Plan));
        watch.Stop();
        return new PipelineRun(problems.Diagnostics, parsed.Layout, kind == EmitKind.Full ? generated : null, watch.Elapsed);
    }

    private sealed class CollectingSink : IProblemSink
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public void Report(Problem problem, SiteLocator sites) => Diagnostics.Add(problem.ToDiagnostic(Location.None));
    }

    /// <summary>Generated code with the text of a condition, as the descriptor and the documentation show it, replaced.</summary>
    private static string WithConditionText(string generated, string written, string replacement) =>
        generated
            .Replace(written, replacement, StringComparison.Ordinal)
            .Replace(System.Security.SecurityElement.Escape(written), System.Security.SecurityElement.Escape(replacement), StringComparison.Ordinal);

    private static TimeSpan BestOfFive(Func<TimeSpan> measure) =>
        Enumerable.Range(0, 5).Select(_ => measure()).Min();

    /// <summary>Runs <paramref name="work"/> on a thread with a 256 KB stack, and rethrows what it throws.</summary>
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>How a message quotes a long condition: its first 200 characters and its length.</summary>
    private static string Quoted(string condition) =>
        condition.Length <= 200 ? condition : $"{condition[..200]}... ({condition.Length} characters)";
}
