using System;
using System.IO;

namespace XenPv.Tool;

/// <summary>
/// Reads lines in bounded memory: the input is read in fixed chunks and at most <see cref="MaxLength"/> characters of a
/// line are kept; the rest of a longer line is counted and dropped, never held. A line ends at <c>\n</c>, <c>\r\n</c>
/// or <c>\r</c>, as with <see cref="TextReader.ReadLine"/>.
/// </summary>
internal sealed class LineReader
{
    /// <summary>The most characters of a line the tool reads: an entry, even with leading zeros, fits well within it.</summary>
    public const int DefaultMaxLength = 4096;

    private const int ChunkLength = 8192;

    private readonly TextReader _input;
    private readonly char[] _chunk = new char[ChunkLength];
    private readonly char[] _kept;
    private int _next;
    private int _end;
    private int _keptLength;
    private bool _endOfInput;

    // The last line ended with '\r' at the end of a chunk: a '\n' at the start of the next chunk belongs to it.
    private bool _skipLineFeed;

    public LineReader(TextReader input, int maxLength = DefaultMaxLength)
    {
        if (maxLength < Echo.MaxChars)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "A line bound shorter than an echo cannot quote the line it refuses.");
        }

        _input = input;
        MaxLength = maxLength;
        _kept = new char[maxLength];
    }

    /// <summary>The most characters of a line that are kept.</summary>
    public int MaxLength { get; }

    /// <summary>The number of the line last read, from 1.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The full length of the line last read, without its line end.</summary>
    public long Length { get; private set; }

    /// <summary>Whether the line last read is longer than <see cref="MaxLength"/>, so that <see cref="Text"/> is only its start.</summary>
    public bool IsTooLong => Length > MaxLength;

    /// <summary>The line last read, or its first <see cref="MaxLength"/> characters when it is longer.</summary>
    public ReadOnlySpan<char> Text => _kept.AsSpan(0, _keptLength);

    /// <summary>Reads the next line; <see langword="false"/> at the end of the input.</summary>
    public bool ReadLine()
    {
        _keptLength = 0;
        Length = 0;
        var started = false;
        while (true)
        {
            if (_next == _end)
            {
                if (!Fill())
                {
                    if (!started)
                    {
                        return false;
                    }

                    LineNumber++;
                    return true;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_chunk[_next] == '\n')
                {
                    _next++;
                    continue;
                }
            }

            started = true;
            var rest = _chunk.AsSpan(_next, _end - _next);
            var stop = rest.IndexOfAny('\r', '\n');
            Keep(stop < 0 ? rest : rest.Slice(0, stop));
            if (stop < 0)
            {
                _next = _end;
                continue;
            }

            _next += stop + 1;
            if (rest[stop] == '\r')
            {
                if (_next < _end)
                {
                    if (_chunk[_next] == '\n')
                    {
                        _next++;
                    }
                }
                else
                {
                    _skipLineFeed = true;
                }
            }

            LineNumber++;
            return true;
        }
    }

    private bool Fill()
    {
        if (_endOfInput)
        {
            return false;
        }

        _next = 0;
        _end = _input.Read(_chunk, 0, _chunk.Length);
        if (_end == 0)
        {
            // Once the input has ended, it is not read again: at a terminal, one end-of-file is enough.
            _endOfInput = true;
            return false;
        }

        return true;
    }

    private void Keep(ReadOnlySpan<char> piece)
    {
        var room = Math.Min(piece.Length, MaxLength - _keptLength);
        piece.Slice(0, room).CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += room;
        Length += piece.Length;
    }
}
