using System.Reflection;
using System.Runtime.Loader;
using PteGen.Tests.Infrastructure;
using XenPv;

namespace PteGen.Tests.Fixups;

/// <summary>
/// The tests that call <c>L1e</c>'s fixups with a configuration that warns, or that set the static
/// <see cref="L1e.GlobalKernelPageWarning"/> callback, run in this collection, one at a time and after every parallel
/// collection, so that no test sees another test's warnings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class L1eWarningHookCollection
{
    public const string Name = "L1e warning hook (static state)";
}

/// <summary>
/// Installs a recorder as <see cref="L1e.GlobalKernelPageWarning"/> for the life of a test and always removes it. Only
/// calls made on the installing thread are recorded, so a fixup running elsewhere can never add to this test's count.
/// </summary>
internal sealed class L1eWarningRecorder : IDisposable
{
    private readonly int thread = Environment.CurrentManagedThreadId;
    private readonly List<ulong> entries = [];

    public L1eWarningRecorder()
    {
        Assert.Null(L1e.GlobalKernelPageWarning); // Another test left its callback behind: it would be called here too.
        L1e.GlobalKernelPageWarning = entry =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                entries.Add(entry.Raw);
            }
        };
    }

    /// <summary>The raw value of every entry the warning was reported for, in order.</summary>
    public IReadOnlyList<ulong> Entries => entries;

    public void Clear() => entries.Clear();

    public void Dispose() => L1e.GlobalKernelPageWarning = null;
}

/// <summary>Bits and values the fixup tests write literally.</summary>
internal static class Bits
{
    public const ulong Present = 1UL << 0;
    public const ulong Writable = 1UL << 1;
    public const ulong User = 1UL << 2;
    public const ulong Accessed = 1UL << 5;
    public const ulong Global = 1UL << 8;
    public const ulong GuestKernel = 1UL << 52;
    public const ulong Bit55 = 1UL << 55;
    public const ulong Bit62 = 1UL << 62;

    /// <summary>The three bits <c>adjust_guest_l1e</c> may add.</summary>
    public const ulong L1Adjustable = User | GuestKernel | Global;

    /// <summary>The valid configurations of <see cref="XenConfig"/> (Debug and Pke are mutually exclusive).</summary>
    public static readonly XenConfig[] ValidConfigurations = [XenConfig.None, XenConfig.Debug, XenConfig.Pke];

    public static readonly PvDomainKind[] Kinds = [PvDomainKind.Pv64, PvDomainKind.Pv32];

    /// <summary>Page-table lengths that are not a multiple of any vector width, and a few that are.</summary>
    public static readonly int[] TableLengths = [0, 1, 3, 5, 7, 15, 17, 31, 33, 63, 65, 511, 513];

    public static string Hex(ulong value) => "0x" + value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Compiles sources with PteGen, checks there is no error, and loads the result into a collectible context.</summary>
internal sealed class LoadedCompilation : IDisposable
{
    private readonly AssemblyLoadContext context;

    private LoadedCompilation(AssemblyLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedCompilation Load(params string[] sources) => Load(TestCompilation.Create(sources));

    public static LoadedCompilation Load(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var outcome = TestCompilation.Run(compilation);
        Assert.True(
            outcome.CompilerDiagnostics.All(d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                && outcome.AnalyzerDiagnostics.All(d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error),
            outcome.Describe());
        using var stream = new MemoryStream();
        var emitted = outcome.Compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("PteGen.Tests.Fixups." + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedCompilation(context, context.LoadFromStream(stream));
    }

    public T Invoke<T>(string typeName, string method, params object[] arguments)
    {
        var type = Assembly.GetType(typeName, throwOnError: true)!;
        var info = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(typeName, method);
        try
        {
            return (T)info.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => context.Unload();
}
