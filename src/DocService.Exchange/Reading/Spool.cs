using DocService.Exchange.Model;

namespace DocService.Exchange.Reading;

/// <summary>
/// A write target that stays in memory up to a threshold and moves to a temporary file beyond it;
/// bounded so that an oversize attachment is refused while it streams in, not after.
/// </summary>
internal sealed class Spool(EdXmlReaderOptions options, string limitCode) : IDisposable
{
    MemoryStream? _memory = new();
    FileStream? _file;
    string? _path;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        if (Length > options.MaxAttachmentBytes)
            throw new EdXmlFormatException(limitCode, $"An attachment exceeds {options.MaxAttachmentBytes} bytes.");
        if (_memory is not null && Length > options.SpoolThresholdBytes)
        {
            _path = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "edxml-" + Guid.NewGuid().ToString("N") + ".tmp");
            _file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920);
            _memory.Position = 0;
            _memory.CopyTo(_file);
            _memory = null;
        }
        if (_memory is not null)
            _memory.Write(data);
        else
            _file!.Write(data);
    }

    /// <summary>A seekable stream over what was written; valid until the spool is disposed or detached.</summary>
    public Stream OpenRead()
    {
        if (_memory is not null)
            return new MemoryStream(_memory.GetBuffer(), 0, (int)_memory.Length, writable: false);
        _file!.Flush();
        return new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920);
    }

    /// <summary>Hands the bytes over as attachment content; the temporary file then belongs to it.</summary>
    public AttachmentContent Detach()
    {
        if (_memory is not null)
        {
            var content = AttachmentContent.FromBytes(_memory.ToArray());
            _memory = null;
            return content;
        }
        _file!.Dispose();
        _file = null;
        var path = _path!;
        _path = null;
        return new AttachmentContent.FileContent(path, owned: true);
    }

    public void Dispose()
    {
        _file?.Dispose();
        if (_path is not null)
            File.Delete(_path);
        _memory = null;
    }
}
