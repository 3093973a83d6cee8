"""factory_boy factories for the organisation. Tests use them with generated
values; `muat_demo` uses them with the demo values (get-or-create on natural
keys, so loading twice creates nothing new)."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from .models import Delegasi, Golongan, Jabatan, JenisDelegasi, JenisJabatan, JenisUnit, Pegawai, Unit


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True  # the password hook saves only what it changed

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda o: f"{o.username}@lontar.test")

    @factory.post_generation
    def password(obj: Any, create: bool, extracted: str | None, **kwargs: Any) -> None:  # noqa: N805
        # Only a new account gets a password: reloading demo data keeps hashes as they are.
        if not obj.password:
            obj.set_password(extracted or "lontar-test")
            if create:
                obj.save(update_fields=["password"])

    @factory.post_generation
    def peran(obj: Any, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:  # noqa: N805
        if create and extracted:
            obj.groups.add(*[Group.objects.get(name=nama) for nama in extracted])


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("induk", "kode")

    nama = factory.Sequence(lambda n: f"Unit {n}")
    kode = factory.Sequence(lambda n: f"U{n}")
    jenis = JenisUnit.OPD
    induk = factory.LazyFunction(
        lambda: UnitFactory(nama="Pemerintah Kota Uji", kode="PEMKOT", jenis=JenisUnit.PEMDA, induk=None)
    )


class JabatanFactory(DjangoModelFactory):
    class Meta:
        model = Jabatan
        django_get_or_create = ("unit", "nama")

    nama = factory.Sequence(lambda n: f"Jabatan {n}")
    unit = factory.SubFactory(UnitFactory)
    jenis = JenisJabatan.PELAKSANA


class PegawaiFactory(DjangoModelFactory):
    class Meta:
        model = Pegawai
        django_get_or_create = ("nip",)

    user = factory.SubFactory(UserFactory)
    nip = factory.Sequence(lambda n: str(198001012005011000 + n))
    nama = factory.LazyAttribute(lambda o: f"{o.user.first_name} {o.user.last_name}".strip() or o.user.username)
    golongan = Golongan.III_A
    jabatan = factory.SubFactory(JabatanFactory)


class DelegasiFactory(DjangoModelFactory):
    class Meta:
        model = Delegasi
        django_get_or_create = ("jabatan", "pegawai", "jenis")

    jabatan = factory.SubFactory(JabatanFactory)
    pegawai = factory.SubFactory(PegawaiFactory)
    jenis = JenisDelegasi.PLH
    mulai = factory.Faker("date_this_year")
    selesai = factory.LazyAttribute(lambda o: o.mulai)
