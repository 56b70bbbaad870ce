using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using PteGen.Benchmarks.Cost;
using PteGen.Benchmarks.Fixups;
using PteGen.Benchmarks.Infrastructure;

namespace PteGen.Benchmarks;

/// <summary>
/// The CI smoke mode (<c>--quick</c>): for every benchmark class and every combination of its <c>[Params]</c>, runs the
/// global setup, then every <c>[Benchmark]</c> method once, and checks its result (<see cref="ICheckedBenchmark"/>): the
/// generated code against the hand-written or reference code, the C implementation against the same reference. Not a
/// measurement: the times it prints are of single cold calls. Exits non-zero when a benchmark throws or disagrees.
/// </summary>
internal static class QuickRun
{
    /// <summary>Set while the quick mode runs, so setups can skip their long reports.</summary>
    public const string QuickVariable = "PTEGEN_BENCHMARKS_QUICK";

    /// <summary>
    /// Whether this process runs the quick mode: the synthetic code bases of the cost benchmarks are then cut down
    /// (<see cref="SyntheticGuest.QuickFileCount"/> files, <see cref="SyntheticLayouts.QuickLayoutCount"/> layouts) so the
    /// smoke run stays within seconds; the generated sources are the first files of the full ones.
    /// </summary>
    public static bool IsQuick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    public static int Run(IReadOnlyList<Type> types)
    {
        Environment.SetEnvironmentVariable(QuickVariable, "1");
        var total = Stopwatch.StartNew();
        Console.WriteLine("PteGen.Benchmarks quick mode: every benchmark once, results checked (no timing is meaningful here).");
        Console.WriteLine($"  runtime  {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  vectors  Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}");
        Console.WriteLine($"  C        {(NativeAdjust.Available ? $"{NativeAdjust.CompilerVersion() ?? "(compiler not on PATH now)"}, library {NativeAdjust.LoadedFrom}" : "skipped: " + NativeAdjust.UnavailableReason)}");

        int passed = 0, failed = 0, skipped = 0;
        foreach (var type in types)
        {
            foreach (var parameters in ParameterSets(type))
            {
                var label = parameters.Count == 0 ? type.Name : $"{type.Name}({string.Join(", ", parameters.Select(p => $"{p.Member.Name}={p.Value}"))})";
                object instance;
                try
                {
                    instance = Activator.CreateInstance(type)!;
                    foreach (var (member, value) in parameters)
                    {
                        Set(instance, member, value);
                    }

                    Invoke<GlobalSetupAttribute>(instance);
                }
                catch (Exception exception)
                {
                    failed++;
                    Console.WriteLine($"FAIL {label}: global setup threw {Unwrap(exception)}");
                    continue;
                }

                foreach (var method in Benchmarks(type))
                {
                    var name = $"{label}.{method.Name}";
                    if (Program.SkipReason(type, method.Name) is { } reason)
                    {
                        skipped++;
                        Console.WriteLine($"skip {name}: {reason}");
                        continue;
                    }

                    try
                    {
                        (instance as ICheckedBenchmark)?.Prepare(method.Name);
                        Invoke<IterationSetupAttribute>(instance);
                        var watch = Stopwatch.StartNew();
                        var result = method.Invoke(instance, null);
                        var elapsed = watch.Elapsed;
                        Invoke<IterationCleanupAttribute>(instance);
                        (instance as ICheckedBenchmark ?? throw new InvalidOperationException($"{type.Name} does not check its results."))
                            .Check(method.Name, result);
                        passed++;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok   {name} ({elapsed.TotalMilliseconds:F3} ms{(result is null ? "" : $", returned {result}")})"));
                    }
                    catch (Exception exception)
                    {
                        failed++;
                        Console.WriteLine($"FAIL {name}: {Unwrap(exception)}");
                    }
                }

                try
                {
                    Invoke<GlobalCleanupAttribute>(instance);
                }
                catch (Exception exception)
                {
                    failed++;
                    Console.WriteLine($"FAIL {label}: global cleanup threw {Unwrap(exception)}");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quick mode finished in {total.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"quick: {passed} passed, {failed} failed, {skipped} skipped");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static IEnumerable<MethodInfo> Benchmarks(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .OrderBy(method => method.MetadataToken);

    /// <summary>Every combination of the values of the type's <c>[Params]</c> members.</summary>
    private static IEnumerable<List<(MemberInfo Member, object? Value)>> ParameterSets(Type type)
    {
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(member => member.GetCustomAttribute<ParamsAttribute>() is not null)
            .OrderBy(member => member.Name, StringComparer.Ordinal)
            .ToList();
        IEnumerable<List<(MemberInfo, object?)>> sets = [[]];
        foreach (var member in members)
        {
            var values = member.GetCustomAttribute<ParamsAttribute>()!.Values;
            sets = sets.SelectMany(set => values.Select(value => new List<(MemberInfo, object?)>(set) { (member, value) })).ToList();
        }

        return sets;
    }

    private static void Set(object instance, MemberInfo member, object? value)
    {
        switch (member)
        {
            case PropertyInfo property:
                property.SetValue(instance, value);
                break;
            case FieldInfo field:
                field.SetValue(instance, value);
                break;
        }
    }

    private static void Invoke<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static string Unwrap(Exception exception) =>
        (exception is TargetInvocationException { InnerException: { } inner } ? inner : exception).ToString();
}
