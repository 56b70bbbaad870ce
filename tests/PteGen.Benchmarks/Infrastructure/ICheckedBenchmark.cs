namespace PteGen.Benchmarks.Infrastructure;

/// <summary>
/// A benchmark class whose results the quick mode checks: before each benchmark method runs once (after the global
/// setup), <see cref="Prepare"/> gets its name, so stale output cannot pass for its result; after it, <see cref="Check"/>
/// gets its name and return value and throws if the result is wrong.
/// </summary>
public interface ICheckedBenchmark
{
    /// <summary>Clears whatever <paramref name="method"/> writes, before the quick mode runs it.</summary>
    void Prepare(string method)
    {
    }

    /// <summary>Throws when <paramref name="method"/>'s result (or the state it left) is not the reference's.</summary>
    void Check(string method, object? result);
}
