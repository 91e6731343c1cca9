import { createHash } from 'node:crypto'

/**
 * `GET /instances/{id}/configuration`: the datastore's config template rendered for the flavor,
 * as the guest reports it (Trove 18's templates; sizes scale with the flavor's RAM in MB, e.g.
 * MySQL's innodb_buffer_pool_size is 150 MB per 512 MB of RAM: "600M" on a 2 GB flavor).
 */
export type DefaultValue = string | number

/** A stable server_id per instance (MySQL wants a 32-bit id unique in the replication set). */
function serverId(instanceId: string): number {
  return createHash('sha256').update(instanceId).digest().readUInt32BE(0) >>> 1
}

const per512 = (ram: number, k: number) => Math.floor((k * ram) / 512)

function mysqlLike(
  ram: number,
  instanceId: string,
  mariadb: boolean,
): Record<string, DefaultValue> {
  const base: Record<string, DefaultValue> = {
    port: 3306,
    basedir: '/usr',
    datadir: '/var/lib/mysql/data',
    'secure-file-priv': 'NULL',
    tmpdir: '/var/tmp',
    'pid-file': '/var/run/mysqld/mysqld.pid',
    socket: '/var/run/mysqld/mysqld.sock',
  }
  if (!mariadb) base.default_authentication_plugin = 'mysql_native_password'
  return {
    ...base,
    'skip-external-locking': 1,
    key_buffer_size: `${per512(ram, 50)}M`,
    max_allowed_packet: `${per512(ram, 1024)}K`,
    thread_stack: '192K',
    thread_cache_size: per512(ram, 4),
    'myisam-recover-options': 'BACKUP,FORCE',
    innodb_data_file_path: 'ibdata1:10M:autoextend',
    innodb_buffer_pool_size: `${per512(ram, 150)}M`,
    innodb_file_per_table: 1,
    innodb_log_files_in_group: 2,
    innodb_log_file_size: '50M',
    innodb_log_buffer_size: '25M',
    connect_timeout: 15,
    wait_timeout: 120,
    join_buffer_size: '1M',
    read_buffer_size: '512K',
    read_rnd_buffer_size: '512K',
    sort_buffer_size: '1M',
    tmp_table_size: `${per512(ram, 16)}M`,
    max_heap_table_size: `${per512(ram, 16)}M`,
    table_open_cache: per512(ram, 256),
    table_definition_cache: per512(ram, 256),
    open_files_limit: per512(ram, 512),
    max_user_connections: per512(ram, 100),
    max_connections: per512(ram, 100),
    default_storage_engine: 'innodb',
    'local-infile': 0,
    server_id: serverId(instanceId),
    performance_schema: 'ON',
  }
}

function postgresql(ram: number): Record<string, DefaultValue> {
  return {
    data_directory: '/var/lib/postgresql/data/pgdata',
    hba_file: '/etc/postgresql/pg_hba.conf',
    ident_file: '/etc/postgresql/pg_ident.conf',
    external_pid_file: '/var/run/postgresql/postgresql.pid',
    unix_socket_directories: '/var/run/postgresql',
    listen_addresses: '*',
    port: 5432,
    max_connections: Math.max(100, per512(ram, 50)),
    shared_buffers: `${Math.floor(ram / 4)}MB`,
    effective_cache_size: `${Math.floor((ram * 3) / 4)}MB`,
    maintenance_work_mem: `${Math.max(64, Math.floor(ram / 16))}MB`,
    work_mem: `${Math.max(4, Math.floor(ram / 256))}MB`,
    wal_level: 'replica',
    max_wal_senders: 10,
    wal_keep_size: '80MB',
    hot_standby: 'on',
    archive_mode: 'on',
    archive_command: "'test ! -f /mnt/wal_archive/%f && cp %p /mnt/wal_archive/%f'",
    logging_collector: 'off',
    log_line_prefix: "'%m [%p] %q%u@%d '",
    datestyle: "'iso, mdy'",
    timezone: "'Etc/UTC'",
    default_text_search_config: "'pg_catalog.english'",
  }
}

/** The rendered defaults for a datastore manager and a flavor's RAM (MB). */
export function renderedDefaults(
  manager: string,
  ram: number,
  instanceId: string,
): Record<string, DefaultValue> {
  switch (manager) {
    case 'mysql':
    case 'percona':
      return mysqlLike(ram, instanceId, false)
    case 'mariadb':
      return mysqlLike(ram, instanceId, true)
    case 'postgresql':
      return postgresql(ram)
    default:
      return {}
  }
}
