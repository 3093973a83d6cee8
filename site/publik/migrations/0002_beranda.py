"""Replace Wagtail's welcome page with Beranda (HomePage) as the default Site root."""

from django.db import migrations

JUDUL = "Pemerintah Kota Sukamaju"


def buat_beranda(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("publik.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    # The welcome page created by wagtailcore's initial data (depth 2, no content of its own).
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()

    content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="publik")
    root = Page.objects.get(depth=1)
    locale = Locale.objects.order_by("pk").first()
    existing_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    index = 1
    while f"{root.path}{index:04d}" in existing_paths:
        index += 1
    beranda = HomePage.objects.create(
        title=JUDUL,
        draft_title=JUDUL,
        slug="beranda",
        content_type=content_type,
        path=f"{root.path}{index:04d}",
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale=locale,
        live=True,
        intro="<p>Selamat datang di situs resmi Pemerintah Kota Sukamaju.</p>",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=beranda.pk, is_default_site=True, site_name=JUDUL)


def hapus_beranda(apps, schema_editor):
    HomePage = apps.get_model("publik.HomePage")
    Site = apps.get_model("wagtailcore.Site")
    Site.objects.filter(root_page__in=HomePage.objects.all()).delete()
    HomePage.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publik", "0001_initial"),
    ]

    operations = [migrations.RunPython(buat_beranda, hapus_beranda)]
