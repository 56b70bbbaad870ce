namespace PteGen.Tests.Infrastructure;

/// <summary>
/// The text of a sample file, or a variant of it made by explicit edits. <see cref="Replace"/> fails the test when the
/// text to replace does not occur exactly once, so a variant cannot silently stop differing from the sample when the
/// sample changes.
/// </summary>
/// <param name="Text">The source text.</param>
/// <param name="Origin">Where the text comes from and which edits made it, for failure messages.</param>
internal sealed record SampleText(string Text, string Origin)
{
    public static implicit operator string(SampleText sample) => sample.Text;

    /// <summary>The text with the only occurrence of <paramref name="oldText"/> replaced by <paramref name="newText"/>.</summary>
    public SampleText Replace(string oldText, string newText)
    {
        Assert.False(string.IsNullOrEmpty(oldText), $"An edit of {Origin} must name the text it replaces.");
        var first = Text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(first >= 0, $"'{oldText}' does not occur in {Origin}.");
        var second = Text.IndexOf(oldText, first + 1, StringComparison.Ordinal);
        Assert.True(second < 0, $"'{oldText}' occurs more than once in {Origin}; replace a longer, unique text.");
        return new SampleText(string.Concat(Text.AsSpan(0, first), newText, Text.AsSpan(first + oldText.Length)), $"{Origin}, edited");
    }

    /// <summary>The text without the only occurrence of <paramref name="removed"/>.</summary>
    public SampleText Remove(string removed) => Replace(removed, "");

    /// <summary>The text with <paramref name="added"/> inserted before the only occurrence of <paramref name="anchor"/>.</summary>
    public SampleText InsertBefore(string anchor, string added) => Replace(anchor, added + anchor);

    public override string ToString() => Text;
}
