//! Sessions in the same database as everything else: tower-sessions' sqlx
//! stores behind one type, so the layer does not care which backend runs.
use async_trait::async_trait;
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    session::{Id, Record},
    session_store,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Debug, Clone)]
pub enum SessionStoreAny {
    Postgres(PostgresStore),
    Sqlite(SqliteStore),
}

impl SessionStoreAny {
    pub fn postgres(pool: sqlx::PgPool) -> Self {
        Self::Postgres(PostgresStore::new(pool))
    }

    pub fn sqlite(pool: sqlx::SqlitePool) -> Self {
        Self::Sqlite(SqliteStore::new(pool))
    }

    pub async fn migrate(&self) -> sqlx::Result<()> {
        match self {
            Self::Postgres(s) => s.migrate().await,
            Self::Sqlite(s) => s.migrate().await,
        }
    }
}

#[async_trait]
impl SessionStore for SessionStoreAny {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Self::Postgres(s) => s.create(record).await,
            Self::Sqlite(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Self::Postgres(s) => s.save(record).await,
            Self::Sqlite(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Self::Postgres(s) => s.load(id).await,
            Self::Sqlite(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Self::Postgres(s) => s.delete(id).await,
            Self::Sqlite(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for SessionStoreAny {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Self::Postgres(s) => s.delete_expired().await,
            Self::Sqlite(s) => s.delete_expired().await,
        }
    }
}
