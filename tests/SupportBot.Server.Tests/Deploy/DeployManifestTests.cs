using System.Globalization;

namespace SupportBot.Server.Tests.Deploy;

/// <summary>
/// deploy/ cannot be exercised here (no Docker or Kubernetes), so these check what can be checked
/// statically: every YAML parses, the manifests have the fields issue 8 asks for, and every
/// configuration key they set is one the host reads.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string[] SecretVariables = ["MicrosoftAppPassword", "DirectLine__Secret", "ConnectionStrings__SupportBot"];

    [Fact]
    public void EveryYamlFileUnderDeploy_Parses()
    {
        var files = DeployFiles.AllYamlFiles().ToList();
        Assert.Contains(files, f => f.EndsWith("compose.yaml", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}k8s{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) >= 7);
        foreach (var file in files)
        {
            var documents = DeployFiles.LoadDocuments(file);
            Assert.NotEmpty(documents);
            Assert.All(documents, d => Assert.IsType<Map>(d));
        }
    }

    [Fact]
    public void Deployment_TwoReplicas_ProbesSecurityAndResources()
    {
        var deployment = DeployFiles.LoadMap("k8s/deployment.yaml");
        Assert.Equal("apps/v1", deployment.S("apiVersion"));
        Assert.Equal("Deployment", deployment.S("kind"));
        Assert.True(int.Parse(deployment.M("spec").S("replicas"), CultureInfo.InvariantCulture) >= 2);

        var pod = deployment.Path("spec.template.spec");
        Assert.Equal("true", pod.M("securityContext").S("runAsNonRoot"));
        var container = Assert.IsType<Map>(Assert.Single(pod.L("containers")));
        Assert.Equal("/readyz", container.Path("readinessProbe.httpGet").S("path"));
        Assert.Equal("/healthz", container.Path("livenessProbe.httpGet").S("path"));
        Assert.Equal("true", container.M("securityContext").S("readOnlyRootFilesystem"));
        Assert.Equal("false", container.M("securityContext").S("allowPrivilegeEscalation"));
        Assert.NotNull(container.Path("resources.requests").S("cpu"));
        Assert.NotNull(container.Path("resources.requests").S("memory"));
        Assert.NotNull(container.Path("resources.limits").S("memory"));

        // /tmp is a mount of an emptyDir volume (the root filesystem is read-only).
        var tmp = container.L("volumeMounts").Cast<Map>().Single(m => m.S("mountPath") == "/tmp");
        var volume = pod.L("volumes").Cast<Map>().Single(v => v.S("name") == tmp.S("name"));
        Assert.True(volume.ContainsKey("emptyDir"));
        var port = container.L("ports").Cast<Map>().Single();
        Assert.Equal("8080", port.S("containerPort"));
    }

    [Fact]
    public void Deployment_SecretsComeFromSecretKeyRefs_NamedInSecretExample()
    {
        var container = (Map)DeployFiles.LoadMap("k8s/deployment.yaml").Path("spec.template.spec").L("containers").Single()!;
        var env = container.L("env").Cast<Map>().ToDictionary(e => e.S("name"));
        var example = DeployFiles.LoadMap("k8s/secret.example.yaml");
        Assert.Equal("Secret", example.S("kind"));
        var exampleKeys = example.M("stringData").Keys.ToHashSet();

        foreach (var name in SecretVariables)
        {
            var reference = env[name].Path("valueFrom.secretKeyRef");
            Assert.Equal(example.M("metadata").S("name"), reference.S("name"));
            Assert.Contains(reference.S("key"), exampleKeys);
        }
        // Every secretKeyRef is one of those three, and the example holds placeholders only.
        Assert.Equal(SecretVariables.Order(), env.Values.Where(e => e.ContainsKey("valueFrom") && e.M("valueFrom").ContainsKey("secretKeyRef")).Select(e => e.S("name")).Order());
        Assert.All(example.M("stringData").Values.Cast<string>(), v => Assert.Contains("<", v, StringComparison.Ordinal));
        Assert.DoesNotContain("secret.example.yaml", DeployFiles.LoadMap("k8s/kustomization.yaml").L("resources").Cast<string>());
    }

    [Fact]
    public void Pdb_Hpa_Service_Ingress()
    {
        var pdb = DeployFiles.LoadMap("k8s/pdb.yaml");
        Assert.Equal(("policy/v1", "PodDisruptionBudget"), (pdb.S("apiVersion"), pdb.S("kind")));
        Assert.Equal("1", pdb.M("spec").S("minAvailable"));

        var hpa = DeployFiles.LoadMap("k8s/hpa.yaml");
        Assert.Equal(("autoscaling/v2", "HorizontalPodAutoscaler"), (hpa.S("apiVersion"), hpa.S("kind")));
        Assert.Equal("Deployment", hpa.Path("spec.scaleTargetRef").S("kind"));
        Assert.True(int.Parse(hpa.M("spec").S("minReplicas"), CultureInfo.InvariantCulture) >= 2);
        var metric = (Map)hpa.M("spec").L("metrics").Single()!;
        Assert.Equal("cpu", metric.M("resource").S("name"));

        var service = DeployFiles.LoadMap("k8s/service.yaml");
        Assert.Equal("Service", service.S("kind"));
        Assert.Equal("http", ((Map)service.M("spec").L("ports").Single()!).S("targetPort"));

        var ingress = DeployFiles.LoadMap("k8s/ingress.yaml");
        Assert.Equal("Ingress", ingress.S("kind"));
        var annotations = ingress.Path("metadata.annotations");
        Assert.Equal("3600", annotations.S("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        Assert.Equal("3600", annotations.S("nginx.ingress.kubernetes.io/proxy-send-timeout"));
        Assert.False(annotations.ContainsKey("nginx.ingress.kubernetes.io/affinity"), "no sticky sessions");

        var kustomization = DeployFiles.LoadMap("k8s/kustomization.yaml");
        foreach (var resource in kustomization.L("resources").Cast<string>())
        {
            Assert.True(File.Exists(Path.Combine(DeployFiles.DeployDir, "k8s", resource)), resource);
        }
    }

    [Fact]
    public void Compose_TwoBotsOnPostgres15BehindNginx_SameSecretsFromEnvFile()
    {
        var services = DeployFiles.LoadMap("compose.yaml").M("services");
        Assert.StartsWith("postgres:15", services.M("postgres").S("image"), StringComparison.Ordinal);
        Assert.StartsWith("nginx", services.M("proxy").S("image"), StringComparison.Ordinal);
        var bots = services.Where(s => s.Value is Map m && m.ContainsKey("build")).Select(s => (Map)s.Value!).ToList();
        Assert.Equal(2, bots.Count);
        foreach (var bot in bots)
        {
            Assert.Equal("deploy/server/Dockerfile", bot.M("build").S("dockerfile"));
            Assert.Equal("true", bot.S("read_only"));
            Assert.Contains("/tmp", bot.L("tmpfs").Cast<string>());
            Assert.Equal("./server/supportbot.env", ((Map)bot.L("env_file").Single()!).S("path"));
        }
        var envExample = EnvFileVariables("server/supportbot.env.example");
        Assert.Contains("DirectLine__Secret", envExample);
        Assert.Contains("ConnectionStrings__SupportBot", envExample);
    }

    [Fact]
    public void Nginx_RoundRobinWithWebSocketsAndLongTimeouts()
    {
        // Directives only: comments may mention what is deliberately absent.
        var conf = string.Join('\n', DeployFiles.Read("nginx/nginx.conf").Split('\n').Select(l => l.Split('#')[0]));
        Assert.Contains("server bot1:8080", conf, StringComparison.Ordinal);
        Assert.Contains("server bot2:8080", conf, StringComparison.Ordinal);
        Assert.DoesNotContain("ip_hash", conf, StringComparison.Ordinal);
        Assert.DoesNotContain("sticky", conf, StringComparison.Ordinal);
        Assert.Contains("proxy_http_version 1.1;", conf, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", conf, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $connection_upgrade;", conf, StringComparison.Ordinal);
        var readTimeout = System.Text.RegularExpressions.Regex.Match(conf, @"proxy_read_timeout (\d+)s;");
        Assert.True(readTimeout.Success && int.Parse(readTimeout.Groups[1].Value, CultureInfo.InvariantCulture) > 60);
        // Compose mounts exactly this file.
        Assert.Contains("./nginx/nginx.conf:/etc/nginx/nginx.conf:ro", DeployFiles.Read("compose.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_MultiStage_NonRoot_HealthCheck()
    {
        var dockerfile = DeployFiles.Read("server/Dockerfile");
        var lines = dockerfile.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        Assert.Contains("npm", dockerfile, StringComparison.Ordinal);
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Split(':')[0];
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains("/healthz", dockerfile, StringComparison.Ordinal);
        Assert.Contains("SupportBot__DataDir=/data", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", dockerfile, StringComparison.Ordinal);
        // The Kubernetes pod's numeric runAsUser is the image's USER.
        var pod = DeployFiles.LoadMap("k8s/deployment.yaml").Path("spec.template.spec");
        Assert.Equal(user, pod.M("securityContext").S("runAsUser"));
    }

    [Fact]
    public void EveryConfigurationKeySetByDeploy_IsReadByTheHost()
    {
        var keys = new ConfigurationKeys(DeployFiles.RepositoryRoot);
        var variables = DeployVariables().ToList();
        Assert.Contains("DirectLine__Secret", variables);
        Assert.Contains("SupportBot__DataDir", variables);
        Assert.Contains("MicrosoftAppId", variables);
        var problems = variables.Distinct().Select(keys.Problem).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("DirectLine__Secret", true)]
    [InlineData("SupportBot__DataDir", true)]
    [InlineData("ConnectionStrings__SupportBot", true)]
    [InlineData("MicrosoftAppPassword", true)]
    [InlineData("Helpdesk__TicketPrefix", true)]
    [InlineData("Logging__LogLevel__Default", true)]
    [InlineData("ASPNETCORE_URLS", true)]
    [InlineData("DirectLine__Secrets", false)]
    [InlineData("Directline__Secret", false)]
    [InlineData("SupportBot__DataDirectory", false)]
    [InlineData("ConnectionStrings__Default", false)]
    [InlineData("MicrosoftAppSecret", false)]
    public void ConfigurationKeys_RecognisesRealKeysOnly(string variable, bool known)
    {
        var keys = new ConfigurationKeys(DeployFiles.RepositoryRoot);
        Assert.Equal(known, keys.Problem(variable) is null);
    }

    /// <summary>Environment variable names the bot containers get from compose, its env example and the k8s Deployment.</summary>
    private static IEnumerable<string> DeployVariables()
    {
        var services = DeployFiles.LoadMap("compose.yaml").M("services");
        foreach (var bot in services.Values.OfType<Map>().Where(m => m.ContainsKey("build")))
        {
            foreach (var name in bot.M("environment").Keys)
            {
                yield return name;
            }
        }
        foreach (var name in EnvFileVariables("server/supportbot.env.example"))
        {
            yield return name;
        }
        var pod = DeployFiles.LoadMap("k8s/deployment.yaml").Path("spec.template.spec");
        foreach (var container in pod.L("containers").Cast<Map>())
        {
            foreach (var env in container.L("env").Cast<Map>())
            {
                yield return env.S("name");
            }
        }
    }

    private static List<string> EnvFileVariables(string relativePath) =>
        DeployFiles.Read(relativePath).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)])
            .ToList();
}
