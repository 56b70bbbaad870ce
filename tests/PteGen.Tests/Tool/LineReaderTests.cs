using CsCheck;
using XenPv.Tool;

namespace PteGen.Tests.Tool;

/// <summary>
/// <c>xenpte</c>'s <see cref="LineReader"/>: the same lines as <see cref="TextReader.ReadLine"/> whatever the chunks
/// the input arrives in, and a line longer than the bound counted, cut and dropped rather than held.
/// </summary>
public class LineReaderTests
{
    [Fact]
    public void SplitsLinesAsTextReaderDoesWhateverTheReadSizes()
    {
        // Texts over line ends and a few characters, read 1 to 9 characters at a time: a "\r\n" split between two reads
        // is one line end, a lone '\r' is one, and a last line without a line end is a line.
        var texts = Gen.Char["\r\na0"].Array[0, 40].Select(chars => new string(chars));
        Gen.Select(texts, Gen.Int[1, 9]).Sample((text, readSize) =>
        {
            var expected = new List<string>();
            using (var lines = new StringReader(text))
            {
                for (var line = lines.ReadLine(); line is not null; line = lines.ReadLine())
                {
                    expected.Add(line);
                }
            }

            var reader = new LineReader(new TrickleReader(text, readSize));
            var actual = new List<string>();
            while (reader.ReadLine())
            {
                Assert.Equal(actual.Count + 1, reader.LineNumber);
                Assert.False(reader.IsTooLong);
                actual.Add(reader.Text.ToString());
            }

            Assert.Equal(expected, actual);
        }, iter: 20_000);
    }

    [Fact]
    public void ALineLongerThanTheBoundKeepsItsStartAndItsLengthAndTheNextLineIsWhole()
    {
        var longLine = new string('0', 10_000) + "7";
        var reader = new LineReader(new TrickleReader($"0x1\n{longLine}\r\n0x7\n", 333), maxLength: 100);

        Assert.True(reader.ReadLine());
        Assert.Equal("0x1", reader.Text.ToString());
        Assert.False(reader.IsTooLong);

        Assert.True(reader.ReadLine());
        Assert.Equal(2, reader.LineNumber);
        Assert.True(reader.IsTooLong);
        Assert.Equal(10_001, reader.Length);
        Assert.Equal(new string('0', 100), reader.Text.ToString());

        Assert.True(reader.ReadLine());
        Assert.Equal(3, reader.LineNumber);
        Assert.False(reader.IsTooLong);
        Assert.Equal("0x7", reader.Text.ToString());

        Assert.False(reader.ReadLine());
    }

    [Fact]
    public void ALineExactlyAtTheBoundIsWhole()
    {
        var line = new string('0', 99) + "7";
        var reader = new LineReader(new StringReader(line + "\n"), maxLength: 100);

        Assert.True(reader.ReadLine());
        Assert.False(reader.IsTooLong);
        Assert.Equal(line, reader.Text.ToString());
    }

    [Fact]
    public void AHundredMillionCharacterLineIsReadWithoutHoldingIt()
    {
        const long length = 100_000_000;
        var input = new GeneratedLineReader(length);
        var reader = new LineReader(input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(reader.ReadLine());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(length, reader.Length);
        Assert.True(reader.IsTooLong);
        Assert.Equal(LineReader.DefaultMaxLength, reader.Text.Length);
        Assert.True(allocated < 64 * 1024, $"reading the line allocated {allocated} bytes");
        Assert.True(input.LargestRead <= 64 * 1024, $"the reader asked for {input.LargestRead} characters at once");
        Assert.False(reader.ReadLine());
    }

    [Fact]
    public void TheInputIsNotReadAgainOnceItHasEnded()
    {
        // At a terminal, a read after end-of-file waits for more typing: one Ctrl-D must be enough.
        var input = new TrickleReader("0x1", 8);
        var reader = new LineReader(input);

        Assert.True(reader.ReadLine());
        Assert.False(reader.ReadLine());
        Assert.False(reader.ReadLine());
        Assert.Equal(1, input.ReadsAtEnd);
    }

    [Fact]
    public void EmptyInputHasNoLine()
    {
        var reader = new LineReader(new StringReader(""));

        Assert.False(reader.ReadLine());
        Assert.Equal(0, reader.LineNumber);
    }

    /// <summary>A text handed out at most <c>readSize</c> characters per read, counting the reads made at its end.</summary>
    private sealed class TrickleReader(string text, int readSize) : TextReader
    {
        private int _position;

        public int ReadsAtEnd { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            var length = Math.Min(Math.Min(count, readSize), text.Length - _position);
            if (length == 0)
            {
                ReadsAtEnd++;
            }

            text.CopyTo(_position, buffer, index, length);
            _position += length;
            return length;
        }
    }

    /// <summary><c>length</c> zeros and a line feed, made up as they are read: the test never holds the line either.</summary>
    private sealed class GeneratedLineReader(long length) : TextReader
    {
        private long _position;

        public int LargestRead { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            LargestRead = Math.Max(LargestRead, count);
            var handed = (int)Math.Min(count, length + 1 - _position);
            buffer.AsSpan(index, handed).Fill('0');
            _position += handed;
            if (_position == length + 1 && handed > 0)
            {
                buffer[index + handed - 1] = '\n';
            }

            return handed;
        }
    }
}
