using System;
using System.IO;

namespace XenPv.Tool;

/// <summary>
/// Standard input, output or error, turning a failure to read or write into a <see cref="StandardStreamException"/>
/// that says which stream failed, so that the tool reports it in one line instead of a stack trace.
/// </summary>
internal sealed class StandardStream : Stream
{
    private readonly Stream _inner;
    private readonly string _readAction;
    private readonly string _writeAction;

    private StandardStream(Stream inner, string name)
    {
        _inner = inner;
        _readAction = $"read {name}";
        _writeAction = $"write {name}";
    }

    public static StandardStream Input() => new(Console.OpenStandardInput(), "standard input");

    public static StandardStream Output() => new(Console.OpenStandardOutput(), "standard output");

    public static StandardStream Error() => new(Console.OpenStandardError(), "standard error");

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _inner.Read(buffer);
        }
        catch (Exception exception) when (StandardStreamException.IsStreamFailure(exception))
        {
            throw new StandardStreamException(_readAction, exception);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
        }
        catch (Exception exception) when (StandardStreamException.IsStreamFailure(exception))
        {
            throw new StandardStreamException(_writeAction, exception);
        }
    }

    public override void Flush()
    {
        try
        {
            _inner.Flush();
        }
        catch (Exception exception) when (StandardStreamException.IsStreamFailure(exception))
        {
            throw new StandardStreamException(_writeAction, exception);
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
