using XenPv.Tool;

namespace PteGen.Tests.Tool;

/// <summary>
/// How <c>xenpte</c> quotes the user's text in its messages (<see cref="Echo"/>): what could drive a terminal or hide
/// in it escaped, everything printable as typed, and a long text cut to its start and its length.
/// </summary>
public class EchoTests
{
    [Theory]
    [InlineData("\u001b[2J", @"'\x1b[2J'")] // ESC: the start of every terminal sequence
    [InlineData("a\0b", @"'a\x00b'")]
    [InlineData("\a\b\u007f", @"'\x07\x08\x7f'")] // BEL, BS, DEL
    [InlineData("\u009b31m", @"'\x9b31m'")] // C1 CSI, which some terminals take as ESC [
    [InlineData("\t\r\n", @"'\t\r\n'")]
    [InlineData("\u202e0x1", @"'\u202e0x1'")] // right-to-left override: would reverse what follows
    [InlineData("\u200b\ufeff", @"'\u200b\ufeff'")] // zero width space, byte-order mark
    [InlineData("a\u2028b", @"'a\u2028b'")] // line separator
    [InlineData("\u00a0\u3000", @"'\xa0\u3000'")] // spaces that look like none or like a plain space
    [InlineData("\U000e0001", @"'\U000e0001'")] // a format character outside the BMP (language tag)
    [InlineData(@"0x\1", @"'0x\\1'")] // a backslash is doubled, so an escape in the message is never the user's
    public void ControlAndInvisibleCharactersAreEscaped(string text, string expected)
    {
        Assert.Equal(expected, Echo.Quoted(text));
    }

    [Fact]
    public void ALoneSurrogateIsEscaped()
    {
        // Not in an attribute: metadata cannot hold a lone surrogate.
        var text = new string(['\ud800', 'x', '\udc00']);

        Assert.Equal(@"'\ud800x\udc00'", Echo.Quoted(text));
    }

    [Theory]
    [InlineData("0x8010000012345067")]
    [InlineData("not-hex 'quoted'")]
    [InlineData("caf\u00e9 \u4e2d\u6587")] // printable letters outside ASCII
    [InlineData("\U0001f600")] // a printable character outside the BMP, kept whole
    public void PrintableTextIsQuotedAsTyped(string text)
    {
        Assert.Equal($"'{text}'", Echo.Quoted(text));
    }

    [Fact]
    public void ALongTextIsCutToItsStartWithAnEllipsisAndItsLength()
    {
        var text = new string('0', 1000) + "g";

        Assert.Equal($"'{new string('0', Echo.MaxChars)}'... (1001 characters)", Echo.Quoted(text));
    }

    [Fact]
    public void ATextOfExactlyTheLimitIsWhole()
    {
        var text = new string('f', Echo.MaxChars);

        Assert.Equal($"'{text}'", Echo.Quoted(text));
    }

    [Fact]
    public void TheLimitCountsCharactersTypedNotTheirEscapes()
    {
        var text = new string('\u001b', 100);

        Assert.Equal($"'{string.Concat(Enumerable.Repeat(@"\x1b", Echo.MaxChars))}'... (100 characters)", Echo.Quoted(text));
    }

    [Fact]
    public void TheCutNeverSplitsASurrogatePair()
    {
        var text = new string('a', Echo.MaxChars - 1) + "\U0001f600" + "tail";

        Assert.Equal($"'{new string('a', Echo.MaxChars - 1)}'... ({Echo.MaxChars + 5} characters)", Echo.Quoted(text));
    }

    [Fact]
    public void OnlyTheStartOfATextNeedBeAtHand()
    {
        Assert.Equal($"'{new string('0', Echo.MaxChars)}'... (104857600 characters)", Echo.Quoted(new string('0', 4096), 104_857_600));
    }

    [Fact]
    public void SomeoneElsesMessageKeepsItsBackslashesAndLosesItsControlCharacters()
    {
        // The message already quotes one text through Quoted ('\x1b', a backslash and three characters); the raw ESC
        // after it is escaped.
        Assert.Equal(@"'\x1b' then \x1b[2J", Echo.Message(@"'\x1b' then " + "\u001b[2J"));
    }
}
