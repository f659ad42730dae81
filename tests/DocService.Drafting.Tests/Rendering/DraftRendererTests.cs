using DocService.Drafting.Rendering;
using DocService.Drafting.Tests.Support;
using DocService.Drafting.Validation;

namespace DocService.Drafting.Tests.Rendering;

public class DraftRendererTests
{
    [Fact]
    public async Task Renders_in_parallel_share_one_font_resolver()
    {
        var renderer = new DraftRenderer(FixedTime.Default);

        var lengths = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            using var output = new MemoryStream();
            renderer.Render(i % 2 == 0 ? SampleDrafts.QuyetDinh() : SampleDrafts.CongVan(), output);
            return output.Length;
        }, TestContext.Current.CancellationToken)));

        lengths.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Writes_to_a_stream_that_cannot_seek()
    {
        using var buffer = new MemoryStream();
        await using var forwardOnly = new ForwardOnlyStream(buffer);

        var result = await new DraftRenderer(FixedTime.Default).RenderAsync(SampleDrafts.CongVan(), forwardOnly, TestContext.Current.CancellationToken);

        buffer.Length.ShouldBe(result.Length);
        buffer.ToArray().Take(5).ShouldBe("%PDF-"u8.ToArray());
    }

    [Fact]
    public void An_invalid_draft_writes_nothing()
    {
        using var output = new MemoryStream();

        Should.Throw<DraftValidationException>(() =>
            new DraftRenderer(FixedTime.Default).Render(SampleDrafts.QuyetDinh() with { Place = " " }, output)).Field.ShouldBe("place");
        output.Length.ShouldBe(0);
    }

    sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
