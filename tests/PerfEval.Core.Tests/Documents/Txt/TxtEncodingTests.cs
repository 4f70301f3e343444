using System.Text;
using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Documents.Txt;

public sealed class TxtEncodingTests
{
    static TxtEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string SeedText => Encoding.UTF8.GetString(TxtReaderTests.SampleBytes(TxtReaderTests.Seed + ".txt"));

    private static string Expected => ModelDump.Of(TxtReader.Read(TxtReaderTests.SampleBytes(TxtReaderTests.Seed + ".txt")));

    public static TheoryData<string> Encodings => ["gb18030", "utf-16le-bom", "utf-16be-bom", "utf-8-bom", "utf-32le-bom", "utf-16le-no-bom"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "utf-32le-bom" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
        "utf-16le-no-bom" => Encoding.Unicode.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Seed_in_another_encoding_gives_the_same_model(string encoding)
    {
        var bytes = Encode(SeedText, encoding);

        Assert.Equal(Expected, ModelDump.Of(TxtReader.Read(bytes)));
        Assert.Equal(Expected, ModelDump.Of(DocumentLoader.Load(bytes, "report.txt")));
    }

    [Fact]
    public void Gbk_text_with_rare_characters_is_decoded_exactly()
    {
        const string Text = "汨罗市残疾人联合会\n经办人：王堃、李喆、赵赟、陈燊、刘淼、张垚、孙犇、周昇、吴镕\n\t项目\n\t金额（万元）\n\n\t鑫犇合作社扶持\n\t12.5\n";
        var gbk = Encoding.GetEncoding(936).GetBytes(Text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(gbk));

        var model = TxtReader.Read(gbk);

        Assert.Equal("经办人：王堃、李喆、赵赟、陈燊、刘淼、张垚、孙犇、周昇、吴镕", model.Paragraphs.ElementAt(1).Text);
        Assert.Equal("鑫犇合作社扶持", Assert.Single(model.Tables).Rows[1].Cells[0].Text);
        Assert.Empty(model.Warnings);
    }

    [Fact]
    public void Gb18030_four_byte_characters_are_decoded()
    {
        const string Text = "生僻字：𠀀㐀䶵𪚥（扩展区汉字）\n第二行";
        var model = TxtReader.Read(Encoding.GetEncoding("GB18030").GetBytes(Text));

        Assert.Equal(["生僻字：𠀀㐀䶵𪚥（扩展区汉字）", "第二行"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Big5_text_is_recognised_with_the_detector()
    {
        const string Text = "二零二三年度部門整體支出績效自評報告\n一、部門概況\n本單位嚴格執行預算管理制度，資金使用規範，項目實施進度符合計劃安排，服務對象滿意度較高。\n"
            + "二、績效目標完成情況\n全年共扶助殘疾人就業一千二百六十六人，資助殘疾學生及殘疾人家庭學生一百七十六人，救助盲人近四百人。\n"
            + "三、存在的問題\n因資金有限，制約了項目的全面開展，難以滿足殘疾人的需求。社區康復隊伍綜合素質參差不齊，人員變更頻繁。\n";
        var big5 = Encoding.GetEncoding(950).GetBytes(Text);

        var model = TxtReader.Read(big5);

        Assert.Equal("一、部門概況", model.Paragraphs.ElementAt(1).Text);
        Assert.Equal(Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Clean_utf8_always_wins()
    {
        // Valid UTF-8 that happens to be short and Latin: no detector may turn it into something else.
        var model = TxtReader.Read(Encoding.UTF8.GetBytes("Résumé – naïve café\n数据表"));

        Assert.Equal(["Résumé – naïve café", "数据表"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void A_broken_byte_in_gbk_text_is_replaced_with_a_warning()
    {
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(SeedText).ToList();
        gbk.Add(0x81); // a lead byte cut off at the end of the file
        var model = TxtReader.Read([.. gbk]);

        Assert.Equal(3, model.Tables.Count());
        Assert.Contains(model.Warnings, w => w.Contains("1 处", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_binary_is_refused_by_the_loader_as_unsupported()
    {
        var random = new Random(20231010);
        var bytes = new byte[16 * 1024];
        random.NextBytes(bytes);
        bytes[0] = (byte)'x'; // not a known magic number

        var error = Assert.Throws<DocumentReadException>(() => DocumentLoader.Load(bytes, "report.txt"));
        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
    }

    [Fact]
    public void Undecodable_text_is_refused_with_unknown_encoding()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        for (var i = 0; i < bytes.Length; i++)
        {
            // Only printable-range bytes, so it is not "binary", but no Chinese code page decodes it.
            bytes[i] = (byte)(i % 3 == 0 ? 0xFF : random.Next(0x80, 0x100));
        }

        var error = Assert.Throws<DocumentReadException>(() => TxtReader.Read(bytes));
        Assert.Equal(ReadErrorCodes.UnknownEncoding, error.Code);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }
}
