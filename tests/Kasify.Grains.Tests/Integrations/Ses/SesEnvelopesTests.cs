using System.IO.Compression;
using System.Xml.Linq;
using Kasify.Grains.Integrations.Ses;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The <c>solicitud</c> packing and the SOAP envelopes of each operation.</summary>
public sealed class SesEnvelopesTests
{
    private static readonly XNamespace Soap = SesNamespaces.SoapEnvelope;

    [Fact]
    public void PackingIsARealZipWithOneUtf8EntryWithoutBom()
    {
        var document = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Mother, SesSamples.Son));

        var packed = SesPacking.Pack(document);

        Assert.DoesNotContain('\n', packed);
        using var archive = new ZipArchive(new MemoryStream(Convert.FromBase64String(packed)), ZipArchiveMode.Read);
        var entry = Assert.Single(archive.Entries);
        Assert.Equal(SesPacking.EntryName, entry.FullName);
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var content = bytes.ToArray();
        Assert.NotEqual(0xEF, content[0]);
        Assert.Contains("Lucía", System.Text.Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        Assert.True(XNode.DeepEquals(document, SesPacking.Unpack(packed)));
    }

    [Fact]
    public void UnpackingGarbageIsAFormatError() =>
        Assert.Throws<FormatException>(() => SesPacking.Unpack(Convert.ToBase64String("not a zip"u8.ToArray())));

    [Fact]
    public void CreateEnvelopeHasAnEmptyHeaderAndUnqualifiedChildren()
    {
        var envelope = SesEnvelopes.Communication("0000123456", "Kasify", SesOperation.Create, SesCommunicationType.GuestRegister, "UEsDBA==");

        var root = envelope.Root!;
        Assert.Equal(Soap + "Envelope", root.Name);
        Assert.Empty(root.Element(Soap + "Header")!.Nodes());
        var wrapper = root.Element(Soap + "Body")!.Elements().Single();
        Assert.Equal(SesNamespaces.Communication + "comunicacionRequest", wrapper.Name);
        Assert.All(wrapper.Descendants(), e => Assert.Equal(XNamespace.None, e.Name.Namespace));
        var cabecera = wrapper.Element("peticion")!.Element("cabecera")!;
        Assert.Equal(
            ["codigoArrendador", "aplicacion", "tipoOperacion", "tipoComunicacion"],
            cabecera.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("PV", (string?)cabecera.Element("tipoComunicacion"));
        Assert.Equal("UEsDBA==", (string?)wrapper.Element("peticion")!.Element("solicitud"));
        Assert.DoesNotContain("xmlns=", envelope.ToString(SaveOptions.DisableFormatting), StringComparison.Ordinal);
    }

    [Fact]
    public void CancelEnvelopeHasNoCommunicationType()
    {
        var envelope = SesEnvelopes.Communication("0000123456", "Kasify", SesOperation.Cancel, null, "x");

        Assert.Null(envelope.Descendants("tipoComunicacion").SingleOrDefault());
        Assert.Equal("B", (string?)envelope.Descendants("tipoOperacion").Single());
    }

    [Fact]
    public void LotQueryCancellationAndCatalogEnvelopes()
    {
        var query = SesEnvelopes.LotQuery(["l1", "l2"]).Root!.Element(Soap + "Body")!.Elements().Single();
        var cancel = SesEnvelopes.LotCancellation("l1").Root!.Element(Soap + "Body")!.Elements().Single();
        var catalog = SesEnvelopes.Catalog("TIPO_DOCUMENTO").Root!.Element(Soap + "Body")!.Elements().Single();

        Assert.Equal(SesNamespaces.Communication + "consultaLoteRequest", query.Name);
        Assert.Equal(["l1", "l2"], query.Element("codigosLote")!.Elements("lote").Select(e => e.Value));
        Assert.Equal(SesNamespaces.Communication + "anulacionLoteRequest", cancel.Name);
        Assert.Equal("l1", (string?)cancel.Element("lote"));
        Assert.Equal(SesNamespaces.Communication + "catalogoRequest", catalog.Name);
        Assert.Equal("TIPO_DOCUMENTO", (string?)catalog.Element("peticion")!.Element("catalogo"));
    }
}
