namespace DocService.Exchange.Model;

/// <summary>
/// The bytes of one attachment, opened as a stream when needed so that a large PDF is never held
/// whole in memory by the writer. Received attachments are spooled to a temporary file above a
/// threshold and deleted when disposed.
/// </summary>
public abstract class AttachmentContent : IDisposable
{
    /// <summary>Opens a new read stream over the content; the caller disposes it.</summary>
    public abstract Stream OpenRead();

    public static AttachmentContent FromBytes(byte[] bytes) => new BytesContent(bytes);

    /// <summary>Content read from <paramref name="path"/> each time it is opened; the file is not owned.</summary>
    public static AttachmentContent FromFile(string path) => new FileContent(path, owned: false);

    /// <summary>Content from a stream factory, e.g. the object store; each call must return a fresh stream.</summary>
    public static AttachmentContent FromStream(Func<Stream> open) => new StreamFactoryContent(open);

    public async Task<byte[]> ReadAllBytesAsync(CancellationToken ct = default)
    {
        await using var stream = OpenRead();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    sealed class BytesContent(byte[] bytes) : AttachmentContent
    {
        public override Stream OpenRead() => new MemoryStream(bytes, writable: false);
    }

    sealed class StreamFactoryContent(Func<Stream> open) : AttachmentContent
    {
        public override Stream OpenRead() => open();
    }

    internal sealed class FileContent(string path, bool owned) : AttachmentContent
    {
        public override Stream OpenRead() =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);

        public override void Dispose()
        {
            if (owned)
                File.Delete(path);
            base.Dispose();
        }
    }
}
