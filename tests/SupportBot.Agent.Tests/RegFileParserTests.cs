using System.Text;
using SupportBot.Agent.Registry;

namespace SupportBot.Agent.Tests;

public sealed class RegFileParserTests
{
    private const string SetupKey = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup";

    private static RegFileRegistryReader Reader(string fixture) => new(TestAgent.Fixture(fixture));

    [Fact]
    public void ReadsUtf16ExportWithBom()
    {
        var reader = Reader("passage-equal.utf16.reg");

        Assert.Equal("ABC123", reader.ReadValue(SetupKey, "CorpId")?.Text);
        Assert.Equal("ABC123", reader.ReadValue(@"HKLM\SOFTWARE\YRL\FWP\Passage\var", "corpid")?.Text);
    }

    [Fact]
    public void ReadsUtf8ExportWithAndWithoutBom()
    {
        Assert.Equal("XYZ999", Reader("passage-different.utf8.reg").ReadValue(@"\HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var", "CorpId")?.Text);
        Assert.Equal(@"C:\Program Files\YRL", Reader("passage-missing.utf8bom.reg").ReadValue(SetupKey, "InstallDir")?.Text);
    }

    [Fact]
    public void DecodesEveryValueForm()
    {
        var reader = Reader("passage-equal.utf16.reg");

        Assert.Equal("Passage setup", reader.ReadValue(SetupKey, "")?.Text);
        Assert.Equal(new RegistryValue(RegistryValueType.ExpandString, @"%ProgramFiles%\YRL\Passage\passage.exe"), reader.ReadValue(SetupKey, "InstallPath"));
        Assert.Equal("say \"hello\" to C:\\Temp\\", reader.ReadValue(SetupKey, "Quoted")?.Text);
        Assert.Equal(10, reader.ReadValue(SetupKey, "Flags")?.Number);
        Assert.Equal(256, reader.ReadValue(SetupKey, "Big")?.Number);
        Assert.Equal("first\nsecond", reader.ReadValue(SetupKey, "Servers")?.Text);
    }

    [Fact]
    public void ListsSubKeysIncludingImpliedParents()
    {
        var reader = Reader("passage-equal.utf16.reg");

        Assert.Equal(2, reader.GetSubKeyNames(@"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall").Count);
        Assert.Equal(["YRL"], reader.GetSubKeyNames(@"HKEY_LOCAL_MACHINE\SOFTWARE").Where(k => k == "YRL"));
        Assert.True(reader.KeyExists(@"HKLM\SOFTWARE\YRL\FWP"));
    }

    [Fact]
    public void DeletionsAndMissingValuesReadAsMissing()
    {
        var reader = Reader("passage-missing.utf8bom.reg");

        Assert.Null(reader.ReadValue(SetupKey, "CorpId"));
        Assert.False(reader.KeyExists(@"HKLM\SOFTWARE\YRL\FWP\Passage\var"));
        Assert.Null(reader.ReadValue(@"HKXX\Nope", "CorpId"));
    }

    [Fact]
    public void ToleratesCommentsBlankLinesAndLfEndings()
    {
        var text = "Windows Registry Editor Version 5.00\n\n; comment\n[HKEY_CURRENT_USER\\Software\\X]\n\"A\"=\"1\"\n\"B\"=-\n";
        var reader = new RegFileRegistryReader(Encoding.UTF8.GetBytes(text));

        Assert.Equal("1", reader.ReadValue(@"HKCU\Software\X", "A")?.Text);
        Assert.Null(reader.ReadValue(@"HKCU\Software\X", "B"));
    }
}
